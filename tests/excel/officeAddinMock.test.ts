/**
 * Smoke tests of the Office.js gateway with Microsoft's office-addin-mock: the calls it makes on
 * Excel's object model (what it loads, what it writes, how many requests), independently of the
 * project's own fake host (tests/browser/fakeOffice/fakeExcel.ts).
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock reads only the host names of office-addin-manifest, whose ES-module
// dependencies jest cannot load: the names are given here.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { ExcelRunner, OfficeWorkbook } from "../../src/excel/officeWorkbook";

interface Calls {
  syncs: number;
  activated: string[];
  selected: number[][];
}

function mockExcel(calls: Calls): { run: ExcelRunner } {
  const sheet = (name: string): Record<string, unknown> => ({
    name,
    isNullObject: false,
    activate: () => calls.activated.push(name),
    getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => ({
      select: () => calls.selected.push([row, column, rows, columns]),
    }),
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          conventions: sheet("Conventions"),
          missing: { isNullObject: true },
          getItemOrNullObject(this: Record<"conventions" | "missing", { load(p: string): unknown }>, name: string) {
            const found = name === "Conventions" ? this.conventions : this.missing;
            // Excel fills isNullObject at the next sync without a load; the mock needs one.
            found.load("isNullObject");
            return found;
          },
        },
      },
    },
    run: async function (this: { context: { sync(): Promise<void> } }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> }; run: ExcelRunner };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    calls.syncs += 1;
    await sync();
  };
  return { run: (batch) => mock.run(batch) };
}

describe("the Office.js gateway under office-addin-mock", () => {
  test("select: one Excel.run, the sheet looked up then activated, the row selected, two requests", async () => {
    const calls: Calls = { syncs: 0, activated: [], selected: [] };
    const workbook = new OfficeWorkbook(mockExcel(calls).run);
    await workbook.select({ sheet: "Conventions", row: 11, column: 0, columnCount: 15 });
    expect(calls.activated).toEqual(["Conventions"]);
    expect(calls.selected).toEqual([[11, 0, 1, 15]]);
    expect(calls.syncs).toBe(2);
    expect(workbook.lastAction.syncs).toBe(2);
  });

  test("select on a sheet that is gone: a GatewayError after one request, nothing activated", async () => {
    const calls: Calls = { syncs: 0, activated: [], selected: [] };
    const workbook = new OfficeWorkbook(mockExcel(calls).run);
    await expect(workbook.select({ sheet: "Suivi 2023", row: 0, column: 0 })).rejects.toMatchObject({ name: "GatewayError", code: "sheet_missing", sheet: "Suivi 2023" });
    expect(calls.syncs).toBe(1);
    expect(calls.activated).toEqual([]);
  });

  test("activeCell: the active cell's row, column and sheet, loaded in one request", async () => {
    let syncs = 0;
    const data = {
      context: {
        workbook: {
          activeCell: { rowIndex: 6, columnIndex: 2, worksheet: { name: "Comités" } },
          getActiveCell(this: { activeCell: unknown }) {
            return this.activeCell;
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    };
    const mock = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> }; run: ExcelRunner };
    const sync = mock.context.sync.bind(mock.context);
    mock.context.sync = async () => {
      syncs += 1;
      await sync();
    };
    const workbook = new OfficeWorkbook((batch) => mock.run(batch));
    expect(await workbook.activeCell()).toEqual({ sheet: "Comités", row: 6, column: 2 });
    expect(syncs).toBe(1);
  });
});
