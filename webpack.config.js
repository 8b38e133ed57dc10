// Modelled on Microsoft's Office-Addin-TaskPane-React template: one entry per page, ts-loader,
// html-webpack-plugin, the manifest and icons copied with their URLs pointed at the host.
//   npm run build                                   → dist/ for https://localhost:3000/
//   npm run build -- --env url=https://host/path/   → dist/ (manifest included) for that host
//   npm run dev-server                              → https://localhost:3000/ on office-addin-dev-certs
// preview.html is the pane outside Office (src/preview/): its own entry, so the .xlsx reader and
// writer it needs never reach the pane's bundle, and the sample workbook it opens is copied beside it.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");

const DEV_URL = "https://localhost:3000/";

/** Point every dev URL of the manifest at the production host (which must end in "/"). */
function rewriteManifest(xml, url) {
  const base = url.endsWith("/") ? url : `${url}/`;
  if (!/^https:\/\//.test(base)) throw new Error(`The add-in's url must be https (Office requires it): ${url}`);
  return xml.split(DEV_URL).join(base);
}

const page = (name, template) => new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], scriptLoading: "defer" });

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const url = env.url || DEV_URL;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      download: "./src/taskpane/download.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/node is the CLI (npm run build:cli; bin/malkoll.js runs it): never clean it away.
      clean: { keep: /^node([\\/]|$)/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // pptxgenjs imports node:fs and node:https only to read images from disk or the web in Node;
      // the slides use neither, so the browser build gets empty modules instead.
      fallback: { fs: false, https: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // ES modules for webpack, so import() becomes a separate chunk (tsconfig's commonjs
            // would turn it into a require and bundle the engine into the first load).
            // ES2021: Excel on Mac runs add-ins in the system's WebKit, which before Safari 16.4
            // cannot parse class fields' ES2022 forms or static blocks (test/build/bundles.test.ts).
            compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev, target: "es2021" },
            onlyCompileBundledFiles: true,
            transpileOnly: true,
          },
        },
        {
          // Dependencies ship ES2022 syntax (Fluent's tabster has class static blocks); these four
          // transforms bring it to ES2021 and leave the rest of each file as it is.
          test: /\.m?js$/,
          include: /node_modules/,
          loader: "babel-loader",
          options: {
            babelrc: false,
            configFile: false,
            cacheDirectory: true,
            compact: false,
            sourceType: "unambiguous",
            plugins: [
              "@babel/plugin-transform-class-static-block",
              "@babel/plugin-transform-class-properties",
              "@babel/plugin-transform-private-methods",
              "@babel/plugin-transform-private-property-in-object",
            ],
          },
        },
      ],
    },
    plugins: [
      new NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.slice("node:".length);
      }),
      page("taskpane", "./src/taskpane/taskpane.html"),
      page("commands", "./src/commands/commands.html"),
      page("dialog", "./src/commands/dialog.html"),
      page("download", "./src/taskpane/download.html"),
      page("preview", "./src/preview/preview.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/sample.xlsx", to: "assets/sample.xlsx" },
          { from: "src/webview/check.js", to: "webview-check.js" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), url) },
        ],
      }),
    ],
    performance: { hints: false },
    // Only `webpack serve` asks for the dev certificates (installing them may prompt for a password).
    devServer: env.WEBPACK_SERVE
      ? {
          port: 3000,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
        }
      : undefined,
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
