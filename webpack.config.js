/**
 * Build of the add-in, in the layout `yo office` makes for "Excel Custom Functions using a Shared
 * Runtime": one page (taskpane.html) loads the task pane, the ribbon commands and the custom
 * functions into the same runtime. TypeScript goes through ts-loader alone (no Babel).
 *
 * dist/ receives: taskpane.html + functions.js (the custom functions, with webpack's runtime and
 * the core they share with the pane) + taskpane.js (the pane and the ribbon's commands, the code
 * functions.js does not already bring); functions.json (generated from the JSDoc of
 * src/functions/functions.ts) and functions.fr.json (its French version, from
 * src/i18n/functions.fr.json); manifest.xml; assets/ (icons); taskpane.css.
 * Loaded later, on demand (import() in the code, a chunk per name): rapports.js and importer.js
 * (the tabs, when first shown), pdfjs.js (pdf.js, when a PDF is first chosen) and pdf.worker.js
 * (pdf.js's worker, copied from pdfjs-dist). What taskpane.html loads at opening has a budget, and
 * each file loaded later a limit of its own, which scripts/check-dist.mjs holds them to.
 *
 * ADDIN_PUBLIC_URL=https://intranet.example.fr/registre/ npm run build
 *   writes that address instead of https://localhost:3000/ in dist/manifest.xml (deployment for an
 *   organisation; it must be https and end up serving the content of dist/).
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeFunctionsMetadata } = require("./scripts/localize-functions");

const DEV_URL = "https://localhost:3000/";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const FRENCH_TEXTS = path.resolve(__dirname, "src/i18n/functions.fr.json");

/** The public address of dist/ for the manifest: ADDIN_PUBLIC_URL when set (https only), else the dev URL. */
function publicUrl() {
  const raw = (process.env.ADDIN_PUBLIC_URL ?? "").trim();
  if (raw === "") return DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL n'est pas une adresse valable : « ${raw} ».`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL doit être en https (Office refuse les compléments servis en http) : « ${raw} ».`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Emits functions.fr.json next to functions.json: the generated metadata with the French names
 * and help of src/i18n/functions.fr.json. A missing or stale French entry fails the build.
 */
class FrenchFunctionsMetadataPlugin {
  constructor({ source, output, texts }) {
    this.source = source;
    this.output = output;
    this.texts = texts;
  }

  apply(compiler) {
    const name = "FrenchFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        compilation.fileDependencies.add(this.texts);
        const generated = compilation.getAsset(this.source);
        if (generated === undefined) {
          // CustomFunctionsMetadataPlugin has already reported why it produced nothing.
          if (compilation.errors.length === 0) compilation.errors.push(new WebpackError(`${name} : ${this.source} absent.`));
          return;
        }
        try {
          const metadata = JSON.parse(generated.source.source().toString());
          const french = JSON.parse(fs.readFileSync(this.texts, "utf8"));
          const localized = localizeFunctionsMetadata(metadata, french);
          compilation.emitAsset(this.output, new sources.RawSource(`${JSON.stringify(localized, null, 4)}\n`));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${name} : ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    });
  }
}

/**
 * HTTPS options for the dev server from office-addin-dev-certs, or null when they cannot be had
 * (no trusted certificate and no right to install its CA, as on a build machine): the dev server
 * then falls back to http and says so. DEV_SERVER_HTTP=1 skips the attempt.
 */
async function devServerHttpsOptions(port) {
  const fallback = (reason) => {
    console.warn(
      `\n[dev-server] HTTPS indisponible (${reason}).\n` +
        `[dev-server] Le serveur démarre en HTTP sur http://localhost:${port}/ : les pages s'ouvrent dans un navigateur, ` +
        `mais Excel exige HTTPS. Sur un poste de développement : « npx office-addin-dev-certs install », puis relancer.\n`,
    );
    return null;
  };
  if (process.env.DEV_SERVER_HTTP === "1") return fallback("DEV_SERVER_HTTP=1");
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    return fallback(error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  const url = publicUrl();
  const https = env.WEBPACK_SERVE ? await devServerHttpsOptions(port) : null;

  return {
    devtool: "source-map",
    entry: {
      // The guard comes first: outside Office it stands in for the CustomFunctions global that
      // the generated registration code calls (see the file). functions.js stands alone (webpack's
      // runtime and all the code the functions need), as the manifest's Functions.Script.Url.
      functions: ["./src/runtime/outsideOffice.ts", FUNCTIONS_SOURCE],
      // The ribbon's commands run in the pane's page (FunctionFile = Taskpane.Url): one bundle, so
      // the register's code they share with the pane is loaded once. It builds on functions.js:
      // the core the functions already bring is not shipped twice.
      taskpane: { import: ["./src/taskpane/taskpane.ts", "./src/commands/commands.ts"], dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (rapports.js, importer.js, pdfjs.js) are asked for relative to the
      // page, taskpane.html, beside them. Not "auto": its code runs when functions.js starts and
      // throws where there is no document, and functions.js must start alone (the manifest's
      // Functions.Script.Url; check-dist runs it so).
      publicPath: "",
      clean: true,
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              // ES modules let webpack drop what is not used (zod/mini, Fluent); the rest is tsconfig.json.
              compilerOptions: { module: "es2020", moduleResolution: "node" },
            },
          },
        },
        {
          // Fluent's components carry their CSS in css`…` templates, indented and commented, which
          // terser leaves as they are: the loader takes out what CSS does not need.
          test: /[\\/]node_modules[\\/]@fluentui[\\/]web-components[\\/]dist[\\/]esm[\\/].+\.js$/,
          use: path.resolve(__dirname, "scripts/css-literal-loader.js"),
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_SOURCE,
      }),
      new FrenchFunctionsMetadataPlugin({ source: "functions.json", output: "functions.fr.json", texts: FRENCH_TEXTS }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions.js first: it holds webpack's runtime, and the functions are registered before
        // the pane's code runs, so an error in the pane cannot keep them from Excel.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // pdf.js's worker, already minified (terser is kept off it); .js, not .mjs: every web
          // server maps .js to a JavaScript type, which a module worker needs (tests/pdf/BROWSER.md).
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return content.toString().split(DEV_URL).join(url);
            },
          },
        ],
      }),
    ],
    optimization: {
      // Modules numbered by use (the most used get the shortest ids): a third of a kilobyte.
      moduleIds: "size",
      // A lazy chunk stays one file: webpack's default "vendors" group would split pdfjs.js into our
      // 5 KiB and an anonymous chunk of pdf.js.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: 512 * 1024,
      maxEntrypointSize: 512 * 1024,
      // pdf.js and its worker (1.3 MiB), loaded when a PDF is chosen, have their own limits in check-dist.
      assetFilter: (name) => !name.endsWith(".map") && !["pdfjs.js", "pdf.worker.js"].includes(name),
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      host: "localhost",
      port,
      static: false,
    },
  };
};
