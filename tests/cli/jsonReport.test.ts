/**
 * `verifier --json` is written in pieces (jsonReportPieces) so that a large register's report is
 * never held whole: the pieces must make, byte for byte, the text one JSON.stringify of the whole
 * report makes (what `registre verifier --json` printed before), including across piece boundaries,
 * with no convention, and with texts that JSON escapes.
 */
import { join } from "node:path";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { jsonReport, jsonReportPieces } from "../../src/cli/jsonReport";
import { openRegisterFile } from "../../src/cli/openRegisterFile";
import { jsonText } from "../../src/cli/terminalText";
import { humanReport } from "../../src/cli/humanReport";
import { verifyWorkbook } from "../../src/cli/verifyWorkbook";
import { checkWorkbook } from "../../src/actions/loadRegister";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { GroupedFindings } from "../../src/core/check/groupFindings";
import { RegisterMapping } from "../../src/core/register/registerMapping";
import { d } from "../helpers/dates";
import { largeRegister, registerGrids } from "../helpers/largeRegister";
import { tempDir } from "./cliHelpers";

const asOf = d("2026-11-29");

/** The demo register written to a temporary file and checked as rapport/comite hold it; `work` gets both. */
async function withDemo(work: (file: string, checked: { mapping: RegisterMapping; grouped: GroupedFindings }) => Promise<void>): Promise<void> {
  const temp = tempDir();
  try {
    const file = join(temp.dir, "demo.xlsx");
    expect((await writeDemoWorkbook(file, asOf)).ok).toBe(true);
    const opened = await openRegisterFile(file, { asOf }, null);
    if (!opened.ok) throw new Error(opened.error.code);
    await work(file, opened.checked);
  } finally {
    temp.remove();
  }
}

test("the demo register: the pieces make JSON.stringify's text", async () => {
  await withDemo(async (_file, { mapping, grouped }) => {
    const whole = jsonText(jsonReport(asOf, mapping, grouped), 2);
    expect([...jsonReportPieces(asOf, mapping, grouped)].join("\n")).toBe(whole);
  });
});

test("5 000 conventions (pieces of 200 items), texts JSON escapes, and a register without any convention", async () => {
  const grids = registerGrids(largeRegister(5_000, asOf));
  const conventions = grids.Conventions;
  conventions[1][1] = 'Intitulé "entre guillemets"\\ avec\ttabulation\u0001 et \u2028';
  const workbook = new MemoryWorkbook(grids);
  const checked = await checkWorkbook(workbook, { asOf });
  if (!checked.ok) throw new Error("registre illisible");
  const pieces = [...jsonReportPieces(asOf, checked.mapping, checked.grouped)];
  expect(pieces.length).toBeGreaterThan(50);
  expect(pieces.join("\n")).toBe(JSON.stringify(jsonReport(asOf, checked.mapping, checked.grouped), null, 2));

  const onlyHeaders = new MemoryWorkbook({ Conventions: [conventions[0]] });
  const empty = await checkWorkbook(onlyHeaders, { asOf });
  if (!empty.ok) throw new Error("registre illisible");
  expect([...jsonReportPieces(asOf, empty.mapping, empty.grouped)].join("\n")).toBe(JSON.stringify(jsonReport(asOf, empty.mapping, empty.grouped), null, 2));
});

test("verifier's reports, made as the check is walked (checkedSections), are the held check's: JSON and lines", async () => {
  await withDemo(async (file, { mapping, grouped }) => {
    const verified = await verifyWorkbook({ file, asOf, mappingFile: null });
    if (!verified.ok) throw new Error(verified.error.code);
    expect([...verified.jsonPieces()].join("\n")).toBe(jsonText(jsonReport(asOf, mapping, grouped), 2));
    const lines = humanReport(file, asOf, mapping, grouped);
    expect(lines.length).toBeGreaterThan(40);
    expect([...verified.linePieces()]).toEqual(lines);
    expect(verified.lines).toEqual(lines);
  });
});
