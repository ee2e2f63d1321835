/* RegRights webpack configuration (Excel custom functions, shared runtime).
 *
 * Two entries, one page: dist/taskpane.html loads functions.js and taskpane.js into the same
 * JavaScript context, so the RR.* custom functions and the task pane share one runtime
 * (manifest: <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/>).
 *
 * A third entry, preview, makes dist/preview.html: the same task pane on the in-memory workbook,
 * for machines without Excel (see README, "Preview").
 *
 * Entry file names are fixed (no content hashes) because manifest.xml names them.
 *
 * Split chunks (bundle budget, test/bundle.test.ts):
 * - engine.[hash].js: src/engine, decimal.js and the RR.* implementations (src/functions), once for
 *   both entries of the shared runtime. taskpane.html loads it before functions.js and taskpane.js
 *   (HtmlWebpackPlugin adds an entry's split chunks itself). functions.js alone no longer runs: the
 *   shared runtime loads the page, never functions.js by itself.
 * - What the pane loads on demand (dynamic import(): the OCF importer and fflate, the import
 *   report, Explain cell, the holder list, the Rule 144 fields, the run and its results, the
 *   comparison, the DataGrid, the Office gateway's writer and reads) are chunks named after them,
 *   fetched from beside the page (publicPath ""), with a content hash so a cached old chunk never
 *   meets a new taskpane.js. package.json's sideEffects lets the barrels (src/scenario) tree-shake;
 *   src/engine is listed there so that it stays whole in engine.js.
 */

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { FunctionsJsonOptionsPlugin } = require("./scripts/functions-json-options");
const { rrFunctionList, RR_FUNCTIONS_SOURCE } = require("./scripts/rr-functions");

const pkg = require("./package.json");

const DIST = path.resolve(__dirname, "dist");
const DEFAULT_PORT = 3000;

function devServerPort() {
  const fromEnv = Number(process.env.npm_package_config_dev_server_port);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const fromPkg = Number(pkg.config && pkg.config.dev_server_port);
  if (Number.isInteger(fromPkg) && fromPkg > 0) return fromPkg;
  return DEFAULT_PORT;
}

/**
 * HTTPS only when the Office development certificates are already installed and trusted;
 * otherwise plain HTTP, with the reason printed. Never installs anything (installing the CA
 * needs administrator rights: `npx office-addin-dev-certs install`).
 */
async function devServerTransport() {
  const plain = (why) => {
    console.log(`[regrights] dev server: plain HTTP (${why}).`);
    console.log("[regrights] For HTTPS, as Office requires for sideloading, run `npx office-addin-dev-certs install` once, then restart.");
    return "http";
  };
  if (process.env.REGRIGHTS_HTTP === "1") return plain("REGRIGHTS_HTTP=1");

  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const needed = ["ca.crt", "localhost.crt", "localhost.key"];
  const missing = needed.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    return plain(`no Office dev certificates in ${dir}: missing ${missing.join(", ")}`);
  }

  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (err) {
    return plain(`office-addin-dev-certs not loadable: ${err.message}`);
  }
  try {
    // Checks the localhost certificate/key pair and that the CA is installed and not expired.
    if (!devCerts.verifyCertificates()) {
      return plain("dev certificates exist but the CA is not installed/trusted or they have expired");
    }
    // With valid certificates this only reads the files (no install, no sudo).
    const options = await devCerts.getHttpsServerOptions();
    console.log(`[regrights] dev server: HTTPS with the Office dev certificates in ${dir}.`);
    return { type: "https", options: { ca: options.ca, cert: options.cert, key: options.key } };
  } catch (err) {
    return plain(`could not verify the dev certificates: ${err.message}`);
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  /** @type {import("webpack").Configuration} */
  const config = {
    mode,
    // Development: source maps beside the bundles. Production: no map in dist/ (what is served);
    // hidden maps go to build/sourcemaps/ for reading a stack trace a user sends.
    devtool: mode === "production" ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      // The preview (no Excel): the task pane beside a grid of the in-memory workbook.
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: DIST,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Relative URLs, so the pane also works when deployed under a sub-path.
      publicPath: "",
      // The functions bundle must not touch window/self/document at the top level: it also
      // loads in a plain JavaScript context (Node, tests) with only a CustomFunctions global.
      globalObject: "globalThis",
      clean: true,
      // Write every asset on every build, changed or not: tests judge dist/ fresh by its mtime
      // (test/support/functionsMetadata.ts), and an unchanged functions.json kept its old one.
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-check only what is bundled (tests are checked by jest / tsc).
              onlyCompileBundledFiles: true,
              // ES modules so webpack can tree-shake React / Fluent UI.
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      ...(mode === "production" ? [new webpack.SourceMapDevToolPlugin({ filename: "../build/sourcemaps/[file].map", append: false })] : []),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // allowErrorForDataTypeAny, which the generator cannot write (see the plugin's file).
      new FunctionsJsonOptionsPlugin("functions.json"),
      // The RR function list for the code that calls the functions without Excel (src/functions/list.ts),
      // read from functions.ts's JSDoc as the metadata plugin reads it; re-read when that file changes.
      new webpack.DefinePlugin({
        RR_FUNCTION_LIST: webpack.DefinePlugin.runtimeValue(() => JSON.stringify(rrFunctionList()), {
          fileDependencies: [RR_FUNCTIONS_SOURCE],
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions and the pane run in this one page.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
        // Keep the page readable (and the CDN script tag verbatim); it is under 1 KB.
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        // Not the shared runtime: no office.js and no functions.js (the in-memory workbook
        // evaluates the RR functions itself).
        chunks: ["preview"],
        inject: "body",
        scriptLoading: "blocking",
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // The functions' @helpurl pages: generated by `npm run docs` from functions.json and the JSDoc.
          { from: "docs/functions.html", to: "help/functions.html" },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // One copy of the engine for the page that runs both functions.js and taskpane.js. Not
          // for preview.js: preview.html is a page of its own with one script.
          engine: {
            name: "engine",
            chunks: (chunk) => chunk.name === "functions" || chunk.name === "taskpane",
            test: (module) => {
              const file = (module.resource ?? "").split(path.sep).join("/");
              if (file.includes("/node_modules/decimal.js/")) return true;
              if (file.includes("/src/engine/")) return true;
              // The implementations Explain cell evaluates, but not the entry that registers them.
              return file.includes("/src/functions/") && !file.endsWith("/src/functions/functions.ts");
            },
            enforce: true,
          },
        },
      },
      // Leave taskpane.html as written (webpack's built-in HTML minimizer would rewrite the
      // office.js script tag; the page is under 1 KB anyway). JS is still minified.
      minimizeOptions: { html: false },
    },
    performance: {
      // The pane bundles React + Fluent UI; it is served locally, not over the internet.
      hints: false,
    },
    devServer: {
      port: devServerPort(),
      host: "localhost",
      static: { directory: DIST, publicPath: "/" },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await devServerTransport() : "http",
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };

  return config;
};
