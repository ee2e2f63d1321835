// The pane's two views, Scenario and Explain cell, as a WAI-ARIA tab list
// (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): Fluent Buttons with role "tab", one in the
// Tab order, arrow keys, Home and End moving between them and selecting (automatic activation).
//
// Not Fluent's TabList: its arrow-key navigation is tabster's Mover, and TabList with tabster was
// about 22 KB of the 150 KB gzip the first screen may load (issue 9, item 7). Tabster loads with
// the first DataGrid instead, which needs it.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

export function ViewTabs<V extends string>(props: {
  label: string;
  tabs: readonly ViewTab<V>[];
  selected: V;
  onSelect: (value: V) => void;
  /** The id of the panel a tab controls: `${panelId(value)}`. */
  panelId: (value: V) => string;
}) {
  const { tabs, selected, onSelect } = props;
  const styles = useStyles();
  const refs = useRef(new Map<V, HTMLElement>());
  const move = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.value === selected);
    const to =
      e.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : e.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to].value);
    refs.current.get(tabs[to].value)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className={styles.list} onKeyDown={move}>
      {tabs.map((t) => {
        const on = t.value === selected;
        return (
          <Button
            key={t.value}
            ref={(el) => {
              if (el) refs.current.set(t.value, el);
              else refs.current.delete(t.value);
            }}
            role="tab"
            id={`${props.panelId(t.value)}-tab`}
            aria-selected={on}
            aria-controls={props.panelId(t.value)}
            tabIndex={on ? 0 : -1}
            appearance="transparent"
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(t.value)}
          >
            {t.label}
          </Button>
        );
      })}
    </div>
  );
}
