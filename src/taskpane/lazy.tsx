// The pane's views that load on demand (webpack splits each dynamic import() into its own chunk
// in dist/, fetched from beside taskpane.html): the OCF import report, Explain cell, the results
// of a run and its read-back check, the comparison, the Rule 144 fields, the holder list
// (react-window), and the results/comparison grids (Fluent's DataGrid). Each shows a Fluent
// Spinner while its chunk loads. The OCF importer itself (fflate) is imported by Pane.tsx when the
// user picks files, and the run's work through loadRun().

import { Spinner } from "@fluentui/react-components";
import { Suspense, lazy, type ComponentProps, type ReactNode } from "react";
import type { GridColumn } from "./Grid";

/**
 * The run's work (src/taskpane/runWork.ts: the engine's scenario, the sheet, the warnings, the
 * read-back), loaded with the first run, open or comparison. webpack keeps the module once loaded.
 */
export const loadRun = () => import(/* webpackChunkName: "run" */ "./runWork");

const LazyImportReport = lazy(() =>
  import(/* webpackChunkName: "import-report" */ "./ImportReport").then((m) => ({ default: m.ImportReport })),
);
const LazyExplainCell = lazy(() => import(/* webpackChunkName: "explain" */ "./ExplainCell").then((m) => ({ default: m.ExplainCell })));
// The results view shares the run's chunk: it is only shown after a run or an open.
const LazyResults = lazy(() => import(/* webpackChunkName: "run" */ "./steps/Results").then((m) => ({ default: m.Results })));
const LazySheetCheckBar = lazy(() => import(/* webpackChunkName: "run" */ "./SheetCheck").then((m) => ({ default: m.SheetCheckBar })));
/** compareResults and the comparison view: loaded with the first comparison. */
export const loadCompare = () => import(/* webpackChunkName: "compare" */ "./Compare");
const LazyComparison = lazy(() => loadCompare().then((m) => ({ default: m.Comparison })));
const LazyRule144Fields = lazy(() =>
  import(/* webpackChunkName: "rule144" */ "./steps/Rule144Fields").then((m) => ({ default: m.Rule144Fields })),
);
const LazyHolderList = lazy(() => import(/* webpackChunkName: "holders" */ "./steps/HolderList").then((m) => ({ default: m.HolderList })));
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

export function Results(props: ComponentProps<typeof LazyResults>) {
  return (
    <Loading label="Loading the results…">
      <LazyResults {...props} />
    </Loading>
  );
}

export function SheetCheckBar(props: ComponentProps<typeof LazySheetCheckBar>) {
  return (
    <Loading label="Loading the sheet check…">
      <LazySheetCheckBar {...props} />
    </Loading>
  );
}

export function Comparison(props: ComponentProps<typeof LazyComparison>) {
  return (
    <Loading label="Loading the comparison…">
      <LazyComparison {...props} />
    </Loading>
  );
}

export function Rule144Fields(props: ComponentProps<typeof LazyRule144Fields>) {
  return (
    <Loading label="Loading the Rule 144 fields…">
      <LazyRule144Fields {...props} />
    </Loading>
  );
}

export function HolderList(props: ComponentProps<typeof LazyHolderList>) {
  return (
    <Loading label="Loading the holders…">
      <LazyHolderList {...props} />
    </Loading>
  );
}
