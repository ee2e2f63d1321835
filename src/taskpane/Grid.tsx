import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useMemo, type ReactNode } from "react";

export interface GridColumn<T> {
  id: string;
  title: string;
  render: (item: T) => ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
  /** Relative width (default 1). */
  grow?: number;
}

/** A read-only Fluent DataGrid with a header row and an accessible name. */
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
  const grow = (id: string | number) => ({ flex: `${columns.find((c) => c.id === id)?.grow ?? 1} 1 0`, minWidth: 0 });
  const defs: TableColumnDefinition<T>[] = useMemo(
    () =>
      columns.map((c) =>
        createTableColumn<T>({
          columnId: c.id,
          renderHeaderCell: () => c.title,
          renderCell: (item) => (
            <span style={c.numeric ? { marginLeft: "auto", fontVariantNumeric: "tabular-nums" } : undefined}>{c.render(item)}</span>
          ),
        }),
      ),
    [columns],
  );
  return (
    <DataGrid items={items} columns={defs} getRowId={rowId} aria-label={label} size="small" style={{ minWidth: "100%" }}>
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell, columnId }) => <DataGridHeaderCell style={grow(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<T>>
        {({ item, rowId: id }) => (
          <DataGridRow<T> key={id}>
            {({ renderCell, columnId }) => <DataGridCell style={grow(columnId)}>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
