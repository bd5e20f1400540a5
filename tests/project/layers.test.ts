/**
 * The layers of src/ are a lint rule (eslint/layers.mjs): an upward import fails `npm run lint`.
 * Shown here on deliberate imports linted as if they were files of each layer, with the project's
 * own ESLint configuration; and the whole of src/ passes it.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

const REFUSED: [string, string, RegExp][] = [
    ["src/core/dates/probe.ts", 'import { formatDateFr } from "../../i18n/fr";\nexport const x = formatDateFr;', /core\/dates may not import i18n\/fr/],
    ["src/core/rules/probe.ts", 'import { checkRegister } from "../check/checkRegister";\nexport const x = checkRegister;', /core\/rules may not import core\/check\/checkRegister/],
    ["src/core/register/probe.ts", 'import { OfficeWorkbook } from "../../excel/officeWorkbook";\nexport const x = OfficeWorkbook;', /core\/register may not import excel/],
    ["src/core/check/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;', /may not import the package "node:fs"/],
    ["src/core/text/probe.ts", 'import { z } from "zod/mini";\nexport const x = z;', /may not import the package "zod\/mini"/],
    ["src/plans/probe.ts", 'import { XlsxWorkbook } from "../excel/xlsxWorkbook";\nexport const x = XlsxWorkbook;', /plans may not import excel\/xlsxWorkbook/],
    ["src/i18n/probe.ts", 'import { GatewayError } from "../excel/gateway";\nexport const x = GatewayError;', /i18n may import only types from excel\/gateway/],
    ["src/excel/probe.ts", 'import { PANE } from "../i18n/pane.fr";\nexport const x = PANE;', /excel may not import i18n\/pane.fr/],
    ["src/taskpane/probe.ts", 'import { main } from "../cli/main";\nexport const x = main;', /taskpane may not import cli\/main/],
    ["src/functions/probe.ts", 'import { mountRegisterPane } from "../taskpane/registerView";\nexport const x = mountRegisterPane;', /functions may not import taskpane/],
    ["src/runtime/probe.ts", 'export const load = () => import("../actions/registerActions");', /runtime may not import actions/],
    ["src/newlayer/probe.ts", "export const x = 1;", /is in no layer/],
];

const ALLOWED: [string, string][] = [
    ["src/core/rules/probe.ts", 'import { addDays } from "../dates/dayNumber";\nexport const x = addDays;'],
    ["src/i18n/probe.ts", 'import type { GatewayError } from "../excel/gateway";\nexport type X = GatewayError;'],
    ["src/plans/probe.ts", 'import { formatDateFr } from "../i18n/fr";\nexport const x = formatDateFr;'],
    ["src/cli/probe.ts", 'import { readFileSync } from "node:fs";\nimport { XlsxWorkbook } from "../excel/xlsxWorkbook";\nexport const x = [readFileSync, XlsxWorkbook];'],
    ["src/taskpane/register/probe.ts", 'import { checkAndAnnotate } from "../../actions/registerActions";\nexport const x = checkAndAnnotate;'],
];

// One ESLint run for every probe and for src/ (tests/project/lintLayers.mjs).
let linted: { probes: string[][]; src: string[] };
beforeAll(() => {
  const input = JSON.stringify([...REFUSED, ...ALLOWED].map(([file, code]) => ({ file, code })));
  linted = JSON.parse(execFileSync(process.execPath, [join(__dirname, "lintLayers.mjs"), ROOT], { input, encoding: "utf8", maxBuffer: 16 << 20 }));
}, 180000);

describe("the layers of src/, enforced by the linter", () => {
  test.each(REFUSED.map((c, i) => [...c, i] as const))("%s: refused", (_file, _code, message, i) => {
    expect(linted.probes[i]).toHaveLength(1);
    expect(linted.probes[i][0]).toMatch(message);
  });

  test.each(ALLOWED.map((c, i) => [...c, REFUSED.length + i] as const))("%s: allowed", (_file, _code, i) => {
    expect(linted.probes[i]).toEqual([]);
  });

  test("every file of src/ keeps to its layer", () => {
    expect(linted.src).toEqual([]);
  });
});
