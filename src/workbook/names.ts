// Names Excel will accept for new sheets and tables, made unique against what the workbook has.
// Shared by both gateways so the preview and real Excel name things the same way.

/** "Cap table", then "Cap table (2)", "Cap table (3)" … within Excel's 31-character sheet names. */
export function uniqueName(name: string, taken: (candidate: string) => boolean, maxLength = 31): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, maxLength - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** A valid Excel table name from any text ("Cap table" → "Cap_table"). */
export function tableNameFrom(name: string): string {
  let t = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(t)) t = `_${t}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(t) || /^[RC]$/i.test(t)) t = `_${t}`;
  return t.slice(0, 250);
}

/**
 * A table name not yet taken (case-insensitive), checked in the form Excel will hold it: the
 * suffix " (2)" becomes "_2_", so a candidate is compared after that conversion, not before.
 */
export function uniqueTableName(name: string, taken: ReadonlySet<string>): string {
  const isTaken = (candidate: string) => taken.has(tableNameFrom(candidate).toLowerCase());
  return tableNameFrom(uniqueName(tableNameFrom(name), isTaken, 250));
}
