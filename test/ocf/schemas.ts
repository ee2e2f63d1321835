// The official OCF JSON Schemas (v1.2.0 and main), read from the shared folder beside the repo
// (../shared/ocf/schema, the layout CI gives a fresh clone). Each object is validated against the
// schema of its own object_type, as OCF's validator does: the whole-file transactions schema leaves
// some types out. Missing schemas fail the test run loudly; they are never skipped.
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const REPO_ROOT = resolve(__dirname, "..", "..");
export const SHARED_OCF = resolve(REPO_ROOT, "../shared/ocf");
export const SAMPLES = join(SHARED_OCF, "samples");
export type SchemaVersion = "v1.2.0" | "main";

export function requireShared(): void {
  if (!existsSync(join(SHARED_OCF, "schema")) || !existsSync(SAMPLES))
    throw new Error(
      `The OCF schemas and samples are missing: expected ${SHARED_OCF}/schema and ${SHARED_OCF}/samples (a read-only copy of shared/ beside the repository). These tests must not be skipped.`,
    );
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith(".schema.json") ? [p] : [];
  });
}

export interface Validator {
  version: SchemaVersion;
  /** object_type → validate function (one per object schema that has an object_type const). */
  byType: Map<string, ValidateFunction>;
  /** The schema of a whole file, by its file_type (e.g. OCF_MANIFEST_FILE). */
  fileSchema(fileType: string): ValidateFunction;
  /** Every problem with one object, as "path message" lines; [] when it is valid. */
  check(object: unknown): string[];
}

const cache = new Map<SchemaVersion, Validator>();

export function validator(version: SchemaVersion): Validator {
  const hit = cache.get(version);
  if (hit) return hit;
  requireShared();
  const dir = join(SHARED_OCF, "schema", version, "schema");
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = jsonFiles(dir).map((p) => JSON.parse(readFileSync(p, "utf8")) as Record<string, any>);
  for (const s of schemas) ajv.addSchema(s);
  const byType = new Map<string, ValidateFunction>();
  // A schema names its type with a const, or (the equity compensation ones) with an enum that
  // also lists the older TX_PLAN_SECURITY_* name; a const schema wins for its own name.
  const objects = schemas.filter((s) => String(s.$id).includes("/objects/") && !String(s.$id).includes("/primitives/"));
  for (const s of objects) {
    const ot = s.properties?.object_type?.const;
    if (typeof ot === "string") byType.set(ot, ajv.getSchema(s.$id) as ValidateFunction);
  }
  for (const s of objects) {
    for (const ot of (s.properties?.object_type?.enum ?? []) as string[])
      if (!byType.has(ot)) byType.set(ot, ajv.getSchema(s.$id) as ValidateFunction);
  }
  const byFileType = new Map<string, ValidateFunction>();
  for (const s of schemas) {
    const ft = s.properties?.file_type?.const;
    if (typeof ft === "string" && String(s.$id).includes("/files/")) byFileType.set(ft, ajv.getSchema(s.$id) as ValidateFunction);
  }
  const v: Validator = {
    version,
    byType,
    fileSchema(fileType: string) {
      const fn = byFileType.get(fileType);
      if (!fn) throw new Error(`no file schema for ${fileType} in ${version}`);
      return fn;
    },
    check(object: unknown) {
      const ot = (object as { object_type?: unknown })?.object_type;
      const fn = typeof ot === "string" ? byType.get(ot) : undefined;
      if (!fn) return [`object_type ${JSON.stringify(ot)} has no schema in ${version}`];
      return fn(object)
        ? []
        : (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    },
  };
  cache.set(version, v);
  return v;
}

/** The object types of a version's ObjectType enum. */
export function objectTypes(version: SchemaVersion): string[] {
  requireShared();
  const p = join(SHARED_OCF, "schema", version, "schema", "enums", "ObjectType.schema.json");
  return (JSON.parse(readFileSync(p, "utf8")) as { enum: string[] }).enum;
}
