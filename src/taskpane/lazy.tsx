// The pane's views that load on demand (webpack splits each dynamic import() into its own chunk
// in dist/, fetched from beside taskpane.html): the OCF import report, Explain cell, and the
// results/comparison grids (Fluent's DataGrid). Each shows a Fluent Spinner while its chunk loads.
// The OCF importer itself (fflate) is imported by Pane.tsx when the user picks files.

import { Spinner } from "@fluentui/react-components";
import { Suspense, lazy, type ComponentProps, type ReactNode } from "react";
import type { GridColumn } from "./Grid";

const LazyImportReport = lazy(() =>
  import(/* webpackChunkName: "import-report" */ "./ImportReport").then((m) => ({ default: m.ImportReport })),
);
const LazyExplainCell = lazy(() => import(/* webpackChunkName: "explain" */ "./ExplainCell").then((m) => ({ default: m.ExplainCell })));
const LazyGrid = lazy(() => import(/* webpackChunkName: "grid" */ "./Grid").then((m) => ({ default: m.Grid })));

function Loading({ label, children }: { label: string; children: ReactNode }) {
  return <Suspense fallback={<Spinner size="tiny" label={label} />}>{children}</Suspense>;
}

export function ImportReport(props: ComponentProps<typeof LazyImportReport>) {
  return (
    <Loading label="Loading the import report…">
      <LazyImportReport {...props} />
    </Loading>
  );
}

export function ExplainCell() {
  return (
    <Loading label="Loading Explain cell…">
      <LazyExplainCell />
    </Loading>
  );
}

export interface GridProps<T> {
  label: string;
  items: T[];
  columns: GridColumn<T>[];
  rowId: (item: T) => string;
}

/** The Fluent DataGrid of Grid.tsx, loaded with the first table shown. */
export function Grid<T>(props: GridProps<T>) {
  return (
    <Loading label="Loading the table…">
      <LazyGrid {...(props as unknown as GridProps<unknown>)} />
    </Loading>
  );
}
