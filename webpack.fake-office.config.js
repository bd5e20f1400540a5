/**
 * Build of the fake Office host for the browser tests: tests/browser/fakeOffice/host.ts becomes
 * build-test/fake-office.js, one self-contained script (an IIFE, no imports, no eval) that the tests
 * serve in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It defines the
 * globals Office and Excel (and CustomFunctions) over an in-memory workbook.
 *
 * npm run build:fake-office   (npm test runs it before the tests; see scripts/test-all-timezones.mjs)
 *
 * ts-loader only transpiles here (transpileOnly): the types are checked by `npm run lint` and by
 * ts-jest, and the bundle is built before every test run, so it must be quick.
 */
"use strict";

const path = require("node:path");

module.exports = {
  mode: "development",
  devtool: false,
  target: ["web", "es2020"],
  entry: { "fake-office": "./tests/browser/fakeOffice/host.ts" },
  output: {
    path: path.resolve(__dirname, "build-test"),
    filename: "[name].js",
    iife: true,
    clean: true,
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
            transpileOnly: true,
            compilerOptions: { module: "es2020", moduleResolution: "node", sourceMap: false },
          },
        },
      },
    ],
  },
  performance: { hints: false },
  stats: "errors-warnings",
};
