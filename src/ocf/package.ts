// Reading an OCF package: a .ocf.zip (bytes) or the separate *.ocf.json files (name → text). The
// manifest (file_type OCF_MANIFEST_FILE) names every other file; each named file must be present,
// parse as JSON, carry the file_type its manifest slot expects, and hold only objects of the
// matching object_type. Anything else is a RuleError naming the file and the field.

import { unzipSync, strFromU8 } from "fflate";
import { invalid } from "../engine";
import { type Json, type JsonObject, type Place, fail, isObject, list, object, text, date, optionalText } from "./fields";

/** A package as the user gives it: zip bytes, or file name → file text. */
export type OcfInput = Uint8Array | ArrayBuffer | Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** The manifest slots we read, with the file_type and object_type each file must have. */
export const FILE_SLOTS = {
  stakeholders_files: { fileType: "OCF_STAKEHOLDERS_FILE", objectType: "STAKEHOLDER" },
  stock_classes_files: { fileType: "OCF_STOCK_CLASSES_FILE", objectType: "STOCK_CLASS" },
  // Transactions (TX_…) and, in OCF main, stakeholder change events (CE_…).
  transactions_files: { fileType: "OCF_TRANSACTIONS_FILE", objectType: "TX_" },
  stock_plans_files: { fileType: "OCF_STOCK_PLANS_FILE", objectType: "STOCK_PLAN" },
  stock_legend_templates_files: { fileType: "OCF_STOCK_LEGEND_TEMPLATES_FILE", objectType: "STOCK_LEGEND_TEMPLATE" },
  vesting_terms_files: { fileType: "OCF_VESTING_TERMS_FILE", objectType: "VESTING_TERMS" },
  valuations_files: { fileType: "OCF_VALUATIONS_FILE", objectType: "VALUATION" },
  documents_files: { fileType: "OCF_DOCUMENTS_FILE", objectType: "DOCUMENT" },
  financings_files: { fileType: "OCF_FINANCINGS_FILE", objectType: "FINANCING" },
} as const;
export type FileSlot = keyof typeof FILE_SLOTS;
/** Slots a package must declare (as a list, which may be empty only for transactions). */
const REQUIRED_SLOTS: readonly FileSlot[] = ["stakeholders_files", "stock_classes_files", "transactions_files"];

/** One object from a package file, with where it came from (file and position) for messages and ordering. */
export interface Item {
  file: string;
  index: number;
  object: JsonObject;
}

export interface OcfPackage {
  manifestFile: string;
  ocfVersion: string;
  issuerName: string;
  asOf: string;
  items: Record<FileSlot, Item[]>;
  /** Every file read, in the order the manifest names them. */
  files: { slot: FileSlot; path: string; items: number }[];
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const seg of path.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

function isBytes(input: OcfInput): input is Uint8Array | ArrayBuffer {
  return input instanceof Uint8Array || input instanceof ArrayBuffer;
}

/** The package's files as normalised path → text. */
function filesOf(input: OcfInput): Map<string, string> {
  const files = new Map<string, string>();
  if (isBytes(input)) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (f) => !f.name.endsWith("/") && !f.name.startsWith("__MACOSX/") });
    } catch (err) {
      invalid(
        `The .ocf.zip could not be opened (${err instanceof Error ? err.message : String(err)}); expected a zip of *.ocf.json files.`,
      );
    }
    for (const [name, data] of Object.entries(entries)) files.set(normalise(name), strFromU8(data));
  } else {
    const pairs = input instanceof Map ? [...input.entries()] : Object.entries(input as Record<string, string>);
    for (const [name, body] of pairs) {
      if (typeof body !== "string") invalid(`${name}: expected the file's text, got ${typeof body}`);
      files.set(normalise(name), body);
    }
  }
  return files;
}

function parseJson(file: string, body: string): JsonObject {
  let parsed: Json;
  try {
    parsed = JSON.parse(body.replace(/^\uFEFF/, "")) as Json;
  } catch (err) {
    invalid(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(parsed)) invalid(`${file}: expected a JSON object at the top level`);
  return parsed;
}

function findManifest(files: Map<string, string>): string {
  const found: string[] = [];
  for (const [path, body] of files) {
    if (!path.toLowerCase().endsWith(".json") || !body.includes("OCF_MANIFEST_FILE")) continue;
    const parsed = parseJson(path, body);
    if (parsed.file_type === "OCF_MANIFEST_FILE") found.push(path);
  }
  if (found.length === 0)
    invalid(`The package has no manifest: no file has "file_type": "OCF_MANIFEST_FILE" (files: ${[...files.keys()].join(", ") || "none"})`);
  if (found.length > 1) invalid(`The package has ${found.length} manifests (${found.join(", ")}); expected one`);
  return found[0];
}

/** Reads and checks a package's files; returns every object with its file and position. */
export function readPackage(input: OcfInput): OcfPackage {
  const files = filesOf(input);
  const manifestFile = findManifest(files);
  const manifest = parseJson(manifestFile, files.get(manifestFile) as string);
  const mp: Place = { file: manifestFile };
  const ocfVersion = text(manifest, "ocf_version", mp);
  if (!/^1\./.test(ocfVersion)) fail(mp, "ocf_version", `this importer reads OCF 1.x, got "${ocfVersion}"`);
  const issuer = object(manifest, "issuer", mp);
  const issuerName = optionalText(issuer, "legal_name", mp, "issuer.legal_name") ?? "";
  const asOf = date(manifest, "as_of", mp);

  const base = dirname(manifestFile);
  const items = {} as Record<FileSlot, Item[]>;
  const read: OcfPackage["files"] = [];
  for (const slot of Object.keys(FILE_SLOTS) as FileSlot[]) {
    items[slot] = [];
    if (manifest[slot] === undefined) {
      if (REQUIRED_SLOTS.includes(slot)) fail(mp, slot, "missing; the manifest must list the package's files of this kind");
      continue;
    }
    const refs = list(manifest, slot, mp);
    refs.forEach((ref, i) => {
      const field = `${slot}[${i}]`;
      if (!isObject(ref)) fail(mp, field, "expected an object {filepath, md5}");
      const filepath = text(ref, "filepath", mp, `${field}.filepath`);
      const path = normalise(base === "" ? filepath : `${base}/${filepath}`);
      const body = files.get(path) ?? files.get(normalise(filepath));
      if (body === undefined) fail(mp, `${field}.filepath`, `the file "${filepath}" named here is not in the package`);
      const json = parseJson(path, body);
      const { fileType, objectType } = FILE_SLOTS[slot];
      const fp: Place = { file: path };
      if (json.file_type !== fileType)
        fail(
          fp,
          "file_type",
          `expected "${fileType}" (the manifest lists it under ${slot}), got ${JSON.stringify(json.file_type ?? null)}`,
        );
      const objects = list(json, "items", fp);
      objects.forEach((o, index) => {
        if (!isObject(o)) fail(fp, `items[${index}]`, "expected an object");
        const id = typeof o.id === "string" && o.id.trim() !== "" ? o.id : undefined;
        const place: Place = { file: path, id, objectType: typeof o.object_type === "string" ? o.object_type : undefined };
        const ot = o.object_type;
        const ok = typeof ot === "string" && (objectType === "TX_" ? /^(TX|CE)_/.test(ot) : ot === objectType);
        if (!ok)
          fail(
            { ...place, objectType: `items[${index}]` },
            "object_type",
            `expected ${objectType === "TX_" ? "a transaction type (TX_… or CE_…)" : `"${objectType}"`} in a ${fileType}, got ${JSON.stringify(ot ?? null)}`,
          );
        if (id === undefined) fail(place, "id", `expected a non-empty string, got ${JSON.stringify(o.id ?? null)}`);
        items[slot].push({ file: path, index, object: o });
      });
      read.push({ slot, path, items: objects.length });
    });
  }
  // An empty package is not an empty cap table: refuse it rather than import nothing silently.
  if (items.stakeholders_files.length === 0 && items.transactions_files.length === 0)
    fail(
      mp,
      "stakeholders_files",
      `the manifest lists no stakeholders or transactions (stakeholders_files and transactions_files name ${
        read.some((f) => f.slot === "stakeholders_files" || f.slot === "transactions_files") ? "only empty files" : "no files"
      }); there is no cap table to import`,
    );
  return { manifestFile, ocfVersion, issuerName, asOf, items, files: read };
}
