// Layout shared by the pane's steps: sections, rows, two-column grids that fit a 350-px pane.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStepStyles = makeStyles({
  // The file picker is reached through its button; kept out of sight, not out of the page.
  hiddenInput: { display: "none" },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end" },
  two: {
    display: "grid",
    gridTemplateColumns: "minmax(0,1fr) minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    // Inputs and selects shrink to their column instead of pushing into the next one.
    "& .fui-Input, & .fui-Select, & .fui-Select select": { minWidth: 0, maxWidth: "100%" },
  },
  // Each holder: its name on a line of its own, then role and requested side by side, so neither
  // a long name nor a role label is cut at 350 px.
  holders: {
    display: "grid",
    gridTemplateColumns: "minmax(0,1fr) minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  /** A field across both columns of a two-column grid. */
  wide: { gridColumn: "1 / -1" },
  holderName: { gridColumn: "1 / -1", paddingTop: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
