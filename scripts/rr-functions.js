/* The RR function list, read from the one place it is declared: the JSDoc of
 * src/functions/functions.ts (`@customfunction ID NAME`, the parameters, `@clause`).
 *
 * Each entry: { id, functionName, params, clause }. id and functionName are what the metadata
 * generator (custom-functions-metadata, the same code CustomFunctionsMetadataPlugin runs) writes
 * into functions.json and into the CustomFunctions.associate(id, functionName) calls it appends;
 * params are functions.json's parameter names in order, a trailing "?" marking an optional one;
 * clause is the @clause tag (Explain cell shows it; functions.json has no field for it).
 *
 * webpack.config.js injects the list as the constant RR_FUNCTION_LIST (DefinePlugin, recomputed
 * when functions.ts changes), jest.config.js as a jest global, scripts/bench-workbook.ts by hand;
 * src/functions/list.ts turns it into the table of implementations, by functionName, from the
 * adapters. Synchronous (parseTree, not generateCustomFunctionsMetadata) so each caller can use it
 * where no await is possible.
 */

const fs = require("fs");
const path = require("path");
const ts = require("typescript");
// The generator the webpack plugin itself requires (its dependency), so the ids here are the ones
// it writes to functions.json and to the associate calls.
const { parseTree } = require(
  require.resolve("custom-functions-metadata", { paths: [path.dirname(require.resolve("custom-functions-metadata-plugin"))] }),
);

const SOURCE = path.resolve(__dirname, "..", "src", "functions", "functions.ts");

/** @returns {{ id: string, functionName: string, params: string[], clause: string }[]} */
function rrFunctionList(file = SOURCE) {
  const code = fs.readFileSync(file, "utf8");
  const tree = parseTree(code, file);
  const errors = tree.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`${file}: ${errors.join("; ")}`);

  const clauses = new Map();
  ts.createSourceFile(file, code, ts.ScriptTarget.ES2020, true).forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === "clause");
    if (tag) clauses.set(node.name.text, ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "");
  });

  const byId = new Map(tree.functions.map((f) => [f.id, f]));
  return tree.associate.map(({ id, functionName }) => {
    const clause = clauses.get(functionName);
    if (!clause) throw new Error(`${file}: ${functionName} (RR.${id}) has no @clause`);
    const params = byId.get(id).parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    return { id, functionName, params, clause };
  });
}

module.exports = { rrFunctionList, RR_FUNCTIONS_SOURCE: SOURCE };
