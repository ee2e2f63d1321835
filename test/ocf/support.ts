// Loads the OCF fixture packages (test/fixtures/ocf/<name>/*.ocf.json) as name → text, and zips
// them with fflate the way an export tool would, so both input forms run the same tests.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { zipSync, strToU8 } from "fflate";

export const FIXTURES = join(__dirname, "..", "fixtures", "ocf");

export function loadFixture(name: string): Record<string, string> {
  const dir = join(FIXTURES, name);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) files[f] = readFileSync(join(dir, f), "utf8");
  return files;
}

/** The files as a zip, optionally under a top-level folder (as "Save as zip" of a folder does). */
export function zipFiles(files: Record<string, string>, folder = ""): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, body] of Object.entries(files)) entries[folder ? `${folder}/${name}` : name] = strToU8(body);
  return zipSync(entries);
}

/** A fixture with one file's JSON changed by `edit` (the parsed body is passed in and may be mutated). */
export function editFixture(name: string, file: string, edit: (body: any) => void): Record<string, string> {
  const files = loadFixture(name);
  const body = JSON.parse(files[file]);
  edit(body);
  files[file] = JSON.stringify(body);
  return files;
}

/** Finds an item by id in a parsed OCF file body. */
export function item(body: { items: { id: string }[] }, id: string): any {
  const found = body.items.find((i) => i.id === id);
  if (!found) throw new Error(`fixture has no item ${id}`);
  return found;
}

export const usd = (amount: string) => ({ amount, currency: "USD" });

/** A minimal package (manifest, stakeholders, classes, transactions) from inline objects. */
export function makePackage(
  stakeholders: object[],
  classes: object[],
  transactions: object[],
  asOf = "2024-12-31",
): Record<string, string> {
  return {
    "Manifest.ocf.json": JSON.stringify({
      ocf_version: "1.2.0",
      file_type: "OCF_MANIFEST_FILE",
      issuer: { legal_name: "Inline Co" },
      as_of: asOf,
      stakeholders_files: [{ filepath: "Stakeholders.ocf.json", md5: "" }],
      stock_classes_files: [{ filepath: "StockClasses.ocf.json", md5: "" }],
      transactions_files: [{ filepath: "Transactions.ocf.json", md5: "" }],
    }),
    "Stakeholders.ocf.json": JSON.stringify({ file_type: "OCF_STAKEHOLDERS_FILE", items: stakeholders }),
    "StockClasses.ocf.json": JSON.stringify({ file_type: "OCF_STOCK_CLASSES_FILE", items: classes }),
    "Transactions.ocf.json": JSON.stringify({ file_type: "OCF_TRANSACTIONS_FILE", items: transactions }),
  };
}
