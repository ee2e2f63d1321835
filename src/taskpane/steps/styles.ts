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
    "& .fui-Input": { minWidth: 0 },
  },
  holders: {
    display: "grid",
    gridTemplateColumns: "minmax(0,1.4fr) minmax(0,1fr) minmax(0,1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  holderName: { paddingTop: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
