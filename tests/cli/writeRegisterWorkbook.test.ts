import { join } from "node:path";
import { Workbook } from "exceljs";
import { DATE_FORMAT, writeRegisterWorkbook } from "../../src/cli/writeRegisterWorkbook";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";
import { loadRegister } from "../../src/actions/loadRegister";
import { tableFields } from "../../src/core/register/registerSchema";
import { d } from "../helpers/dates";
import { tempDir } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

async function written(name: string): Promise<{ path: string; workbook: Workbook }> {
  const path = join(temp.dir, name);
  await writeRegisterWorkbook(path, {
    properties: { title: "Registre", keywords: "essai" },
    tables: [
      {
        table: "conventions",
        titleRows: ["Registre des conventions", "Situation au 29/11/2026"],
        rows: [
          { id: "C1", title: "=1+1", partner: "Association TEAM2", start: d("2024-07-15"), duration: "3 ans", amount: 0 },
          { id: "C2", title: "Convention n°2", start: "15 juillet 2024", duration: 18, amount: 12500.5 },
        ],
      },
      { table: "committees", rows: [{ conventionId: "C1", date: d("2024-12-10"), type: "Comité de suivi" }] },
    ],
  });
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return { path, workbook };
}

describe("writeRegisterWorkbook", () => {
  test("one sheet per table, French headers from the schema, title rows merged above, bold frozen header row", async () => {
    const { workbook } = await written("ecrit.xlsx");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Conventions", "Comités"]);
    expect(workbook.title).toBe("Registre");
    expect(workbook.keywords).toBe("essai");
    const sheet = workbook.getWorksheet("Conventions");
    if (sheet === undefined) throw new Error("no sheet");
    expect(sheet.getCell("A1").value).toBe("Registre des conventions");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getCell("A2").value).toBe("Situation au 29/11/2026");
    const labels = tableFields("conventions").map((f) => f.label);
    expect(sheet.getRow(4).values).toEqual([undefined, ...labels]);
    expect(sheet.getCell("A4").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    // Columns are sized for their content: the title column for its longest text, dates for dd/mm/yyyy.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual("Convention n°2".length);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);

    const comites = workbook.getWorksheet("Comités");
    expect(comites?.getRow(1).values).toEqual([undefined, ...tableFields("committees").map((f) => f.label)]);
    expect(comites?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("text that starts with = stays text, never a formula", async () => {
    const { workbook } = await written("formule.xlsx");
    const cell = workbook.getWorksheet("Conventions")?.getCell("B5");
    expect(cell?.value).toBe("=1+1");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.type).toBe(3); // ExcelJS ValueType.String
  });

  test("dates are serials with the dd/mm/yyyy format, so they read back as the same days in any time zone", async () => {
    const { path, workbook } = await written("dates.xlsx");
    const sheet = workbook.getWorksheet("Conventions");
    const start = sheet?.getCell("J5");
    expect(start?.numFmt).toBe(DATE_FORMAT);
    expect(DATE_FORMAT).toBe("dd/mm/yyyy");
    // A text date is written as the text typed.
    expect(sheet?.getCell("J6").value).toBe("15 juillet 2024");
    expect(sheet?.getCell("J6").numFmt).toBeUndefined();

    const opened = await XlsxWorkbook.open(path);
    if (!opened.ok) throw new Error("unreadable");
    const grid = await opened.workbook.readSheet("Conventions");
    expect(grid.values[4][9]).toBe(45488);
    const loaded = await loadRegister(opened.workbook);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.mapping.conventions.headerRow).toBe(4);
    expect(loaded.register.conventions).toEqual([
      expect.objectContaining({ id: "C1", title: "=1+1", start: d("2024-07-15"), duration: 36, amount: 0 }),
      expect.objectContaining({ id: "C2", start: d("2024-07-15"), duration: 18, amount: 12500.5 }),
    ]);
    expect(loaded.register.committees).toEqual([expect.objectContaining({ conventionId: "C1", date: d("2024-12-10"), type: "steering" })]);
    expect(loaded.findings).toEqual([]);
  });
});
