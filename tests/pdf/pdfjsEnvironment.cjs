// Jest's Node environment, plus Node's own require for the tests of src/pdf: pdfjs-dist is ES
// modules only, which Jest's module registry cannot load on Node 20 (Jest loads them through
// require only from Node 24.9), while Node's require does from Node 20.19. Chosen by a test file
// with the docblock `@jest-environment ./tests/pdf/pdfjsEnvironment.cjs`; the loader under test
// (src/pdf/loadPdfjsNode.ts) receives it as its `nodeRequire`. pdf.js then lives outside the
// test's realm: its objects are not `instanceof` the test's classes (pdfText compares names).
"use strict";

const { TestEnvironment } = require("jest-environment-node");
const { createRequire } = require("node:module");

class PdfjsEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.nodeRequire = createRequire(__filename);
  }
}

module.exports = PdfjsEnvironment;
