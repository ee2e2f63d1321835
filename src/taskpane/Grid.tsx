import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface GridColumn<T> {
  id: string;
  title: string;
  render: (item: T) => ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
  /** Relative width (default 1). */
  grow?: number;
}

/** Below this width the columns no longer fit side by side: each row becomes a labelled card. */
export const STACK_BELOW_PX = 480;

const useStyles = makeStyles({
  // Kept for screen readers (the grid keeps its header row), out of sight when stacked.
  hiddenHeader: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  stackedRow: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    paddingBlock: tokens.spacingVerticalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  stackedCell: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
    width: "100%",
    paddingInline: 0,
    minHeight: "auto",
    // The column's title as a visible label; not part of the cell's text.
    "::before": {
      content: "attr(data-label)",
      color: tokens.colorNeutralForeground3,
      flexShrink: 0,
    },
  },
  // The first column (the holder) is the card's title: full width, no label.
  stackedTitle: { fontWeight: tokens.fontWeightSemibold, "::before": { content: "none" } },
});

/** A read-only Fluent DataGrid with a header row and an accessible name; stacked into cards when narrow. */
export function Grid<T>({
  label,
  items,
  columns,
  rowId,
}: {
  label: string;
  items: T[];
  columns: GridColumn<T>[];
  rowId: (item: T) => string;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const stacked = width > 0 && width < STACK_BELOW_PX;

  const grow = (id: string | number) => ({ flex: `${columns.find((c) => c.id === id)?.grow ?? 1} 1 0`, minWidth: 0 });
  const defs: TableColumnDefinition<T>[] = useMemo(
    () =>
      columns.map((c) =>
        createTableColumn<T>({
          columnId: c.id,
          renderHeaderCell: () => c.title,
          renderCell: (item) => (
            <span style={c.numeric ? { marginLeft: "auto", fontVariantNumeric: "tabular-nums", textAlign: "right" } : undefined}>
              {c.render(item)}
            </span>
          ),
        }),
      ),
    [columns],
  );
  const title = (id: string | number) => columns.find((c) => c.id === id)?.title ?? "";
  return (
    <div ref={box} data-stacked={stacked ? "true" : "false"}>
      <DataGrid items={items} columns={defs} getRowId={rowId} aria-label={label} size="small" style={{ minWidth: "100%" }}>
        <DataGridHeader className={stacked ? styles.hiddenHeader : undefined}>
          <DataGridRow>
            {({ renderHeaderCell, columnId }) => <DataGridHeaderCell style={grow(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<T>>
          {({ item, rowId: id }) => (
            <DataGridRow<T> key={id} className={stacked ? styles.stackedRow : undefined}>
              {({ renderCell, columnId }) =>
                stacked ? (
                  <DataGridCell
                    data-label={title(columnId)}
                    className={mergeClasses(styles.stackedCell, columnId === columns[0]?.id && styles.stackedTitle)}
                  >
                    {renderCell(item)}
                  </DataGridCell>
                ) : (
                  <DataGridCell style={grow(columnId)}>{renderCell(item)}</DataGridCell>
                )
              }
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
