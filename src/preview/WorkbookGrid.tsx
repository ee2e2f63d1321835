// A plain, read-only grid of the in-memory workbook: sheet tabs, a formula bar, and each cell's
// displayed value (the formula on hover and when selected). Clicking a cell selects it in the
// workbook, as a click in Excel would, so "Read selected cap table" reads what you clicked.
// As in Excel, each sheet keeps its own selected cell: a tab switch (yours, or the pane's) brings
// that sheet's cell back to the formula bar, never the previous sheet's.

import { useEffect, useState, type KeyboardEvent } from "react";
import type { MemoryWorkbook, SheetView, ViewCell } from "../workbook/memory";
import { cellAddress, parseBlock } from "../workbook/address";

function colName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const MAX_ROWS = 400;

/** The active cell of a selection: its top-left ("B3" of "B3:D9"). */
function activeCell(address: string): string {
  const b = parseBlock(address);
  return cellAddress(b.top, b.left);
}

/** The view's cell at an address; a blank one where the view has none (beyond the used range). */
function cellAt(view: SheetView | null, address: string): ViewCell {
  for (const row of view?.rows ?? []) for (const cell of row) if (cell.address === address) return cell;
  return { address, value: "", text: "", formula: null, numberFormat: "General", spilled: false };
}

export function WorkbookGrid({ workbook }: { workbook: MemoryWorkbook }) {
  const [version, setVersion] = useState(0);
  const [showHidden, setShowHidden] = useState(false);
  /** Each sheet's selected cell, by lower-case name (sheet names are case-insensitive). */
  const [picks, setPicks] = useState<Record<string, string>>({});

  useEffect(() => workbook.onChanged(() => setVersion((v) => v + 1)), [workbook]);
  useEffect(() => workbook.onSelectionChanged(() => setVersion((v) => v + 1)), [workbook]);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener("regrights-preview-activate", bump);
    return () => window.removeEventListener("regrights-preview-activate", bump);
  }, []);

  // Re-read on every render: renders happen when the workbook changes (version) or you click.
  void version;
  const sheets = workbook.listSheets();
  const visible = sheets.filter((s) => showHidden || s.visibility === "visible");
  const active =
    workbook.activeSheet && visible.some((s) => s.name === workbook.activeSheet) ? workbook.activeSheet : (visible[0]?.name ?? null);
  const view: SheetView | null = active ? workbook.readSheet(active, { maxRows: MAX_ROWS }) : null;

  // The formula bar's cell: the workbook's selection when it is on this sheet, else this sheet's own.
  const selection = workbook.selection;
  const onActive = selection !== null && active !== null && selection.sheet.toLowerCase() === active.toLowerCase();
  const address = onActive ? activeCell(selection.address) : active ? picks[active.toLowerCase()] : undefined;
  // Read from the view on every render, so the bar shows the cell's value now, not when it was clicked.
  const picked: ViewCell | null = address ? cellAt(view, address) : null;

  const selectSheet = (name: string) => {
    // The sheet left keeps its cell; the sheet shown gets its own back (A1 the first time), as in Excel.
    const kept = selection ? { ...picks, [selection.sheet.toLowerCase()]: activeCell(selection.address) } : picks;
    setPicks(kept);
    workbook.activate(name);
    workbook.select(name, kept[name.toLowerCase()] ?? "A1");
    setVersion((v) => v + 1);
  };

  const pick = (cell: ViewCell) => {
    if (!active) return;
    setPicks((p) => ({ ...p, [active.toLowerCase()]: cell.address }));
    workbook.select(active, cell.address);
  };

  const cols = view && view.rows.length > 0 ? view.rows[0].length : 0;

  /** Arrow keys move the selected cell, as in Excel. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (!view || view.rows.length === 0) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    let [r, c] = [0, 0];
    if (picked) {
      const at = view.rows.findIndex((row) => row.some((x) => x.address === picked.address));
      if (at >= 0) [r, c] = [at + move[0], view.rows[at].findIndex((x) => x.address === picked.address) + move[1]];
    }
    r = Math.max(0, Math.min(view.rows.length - 1, r));
    c = Math.max(0, Math.min(cols - 1, c));
    pick(view.rows[r][c]);
    document.querySelector(`td[data-address="${view.rows[r][c].address}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };
  return (
    <div className="wb">
      <div className="wb-tabs" role="tablist" aria-label="Sheets">
        {visible.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === active}
            className={s.name === active ? "wb-tab wb-tab-active" : "wb-tab"}
            onClick={() => selectSheet(s.name)}
          >
            {s.name}
            {s.visibility !== "visible" ? ` (${s.visibility === "veryHidden" ? "very hidden" : "hidden"})` : ""}
          </button>
        ))}
        <label className="wb-hidden-toggle">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> show hidden sheets
        </label>
      </div>
      <div className="wb-bar" aria-label="Formula bar" role="status">
        <span className="wb-addr">{picked ? picked.address : ""}</span>
        <code className="wb-formula">
          {picked ? (picked.formula ?? (picked.spilled ? `(spilled) ${picked.text}` : picked.text)) : "Select a cell to see its formula."}
        </code>
        {picked?.error && <span className="wb-error-msg">{picked.error}</span>}
      </div>
      <div className="wb-scroll" tabIndex={0} onKeyDown={onKeyDown} aria-label="Cells: use the arrow keys to move the selection">
        {view && view.rows.length > 0 ? (
          <table className="wb-grid" aria-label={`Sheet ${view.name}`} aria-readonly="true">
            <thead>
              <tr>
                <th className="wb-corner" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col" style={{ minWidth: Math.max(48, Math.min(360, (view.columnWidths[c] ?? 64) * 0.75)) }}>
                    {colName(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row, r) => (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {row.map((cell) => {
                    const numeric = typeof cell.value === "number";
                    const err =
                      typeof cell.value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(cell.value) && (cell.formula !== null || cell.spilled);
                    const cls = [
                      "wb-cell",
                      numeric ? "wb-num" : "",
                      cell.formula ? "wb-formula-cell" : "",
                      cell.spilled ? "wb-spill" : "",
                      err ? "wb-err" : "",
                      picked?.address === cell.address ? "wb-picked" : "",
                    ].join(" ");
                    return (
                      <td
                        key={cell.address}
                        className={cls}
                        data-address={cell.address}
                        title={cell.formula ? `${cell.address}: ${cell.formula}${cell.error ? `\n${cell.error}` : ""}` : cell.error}
                        onClick={() => pick(cell)}
                      >
                        {cell.text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="wb-empty">This sheet is empty.</p>
        )}
        {view && view.charts.length > 0 && (
          <p className="wb-note">
            Chart on this sheet: “{view.charts[0].title}” ({view.charts[0].series.map((s) => s.name).join(" vs ")}, anchored at{" "}
            {view.charts[0].anchor}) — Excel draws it; the preview lists it.
          </p>
        )}
      </div>
    </div>
  );
}
