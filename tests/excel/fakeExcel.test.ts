/**
 * The fake Excel host refuses what Excel refuses: one test per row of the table in
 * tests/browser/fakeOffice/README.md, on the fake's own Office.js objects (no gateway), so that a
 * change to the fake that loosens one of them fails here.
 */
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";

/** The fake's context, typed as Office.js's: what the gateway sees. */
type Context = Excel.RequestContext;

/** One Excel.run on the fake; its error's code, or "" when it ran. */
async function run(host: FakeExcelHost, batch: (context: Context) => Promise<void> | void): Promise<string> {
  try {
    await host.run(async (context) => {
      await batch(context as unknown as Context);
    });
    return "";
  } catch (error) {
    return String((error as { code?: unknown }).code ?? error);
  }
}

describe("the fake Excel host refuses what Excel refuses", () => {
  test("a request runs at sync, in order; the first failure stops it, what came before stays done, what follows never runs", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    const code = await run(host, (context) => {
      const sheet = context.workbook.worksheets.getItem("A");
      sheet.getRangeByIndexes(0, 1, 1, 1).values = [["avant"]];
      context.workbook.worksheets.add("A");
      sheet.getRangeByIndexes(0, 2, 1, 1).values = [["après"]];
      expect(host.values("A")).toEqual([["x"]]);
    });
    expect(code).toBe("ItemAlreadyExists");
    expect(host.values("A")).toEqual([["x", "avant"]]);
  });

  test("a write into a protected sheet is refused and writes nothing", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    host.sheet("A")!.protected = true;
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 1, 1).values = [["écrasé"]]))).toBe("AccessDenied");
    expect(host.values("A")).toEqual([["x"]]);
  });

  test("a very hidden sheet cannot be deleted; hidden first, it can (office-js #365)", async () => {
    const host = new FakeExcelHost({ A: [["x"]], Cachée: [["y"]] });
    host.sheet("Cachée")!.visibility = "VeryHidden";
    expect(await run(host, (context) => context.workbook.worksheets.getItem("Cachée").delete())).toBe("InvalidOperation");
    expect(host.sheet("Cachée")).toBeDefined();
    expect(
      await run(host, (context) => {
        const sheet = context.workbook.worksheets.getItem("Cachée");
        sheet.visibility = "Hidden";
        sheet.delete();
      }),
    ).toBe("");
    expect(host.sheet("Cachée")).toBeUndefined();
  });

  test("the last visible sheet can be neither deleted nor hidden", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    expect(await run(host, (context) => context.workbook.worksheets.getItem("A").delete())).toBe("InvalidOperation");
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").visibility = "Hidden"))).toBe("InvalidOperation");
  });

  test.each([[""], ["a".repeat(32)], ["Rapport [2025]"], ["a/b"], ["'apostrophe"], ["fin'"], ["History"]])("the sheet name %j is refused, added or renamed to", async (name) => {
    const host = new FakeExcelHost({ A: [["x"]] });
    expect(await run(host, (context) => void context.workbook.worksheets.add(name))).toBe("InvalidArgument");
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").name = name))).toBe("InvalidArgument");
    expect(host.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test("a sheet name taken, in any case, is refused", async () => {
    const host = new FakeExcelHost({ Alertes: [["x"]] });
    expect(await run(host, (context) => void context.workbook.worksheets.add("ALERTES"))).toBe("ItemAlreadyExists");
  });

  test("a formula with a structured reference to a missing table or column, or [@…] outside a table, is refused and writes nothing", async () => {
    const host = new FakeExcelHost({ A: [["Réf", "Date"], ["C1", 45000]], B: [] });
    host.addTable("A", "Comites", "A1:B2");
    const write = (sheet: string, row: number, formula: string): Promise<string> => run(host, (context) => void (context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, 0, 1, 1).formulas = [[formula]]));
    expect(await write("B", 0, "=COUNTA(Absente[Date])")).toBe("InvalidArgument");
    expect(await write("B", 0, "=COUNTA(Comites[Montant])")).toBe("InvalidArgument");
    expect(await write("B", 0, "=[@[Date]]+1")).toBe("InvalidArgument");
    expect(host.values("B")).toEqual([]);
    // Inside the table, or naming what exists, it is taken; a bracket inside a string literal is no reference.
    expect(await write("B", 0, '=COUNTA(Comites[Date])&"[x]"')).toBe("");
    expect(await write("A", 1, "=[@[Date]]+1")).toBe("");
  });

  test("a custom function under a name the loaded metadata does not have is #NAME? (office-js #891)", async () => {
    const host = new FakeExcelHost({ A: [] });
    const value = async (formula: string): Promise<unknown> => {
      await run(host, (context) => void (context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 1, 1).formulas = [[formula]]));
      return host.sheet("A")?.cells.get("0,0")?.value;
    };
    // French metadata loaded (fr-FR): the French name is known, the English one is not.
    expect(await value("=CONV.DATE.FIN(45000,36)")).toBeNull();
    expect(await value("=CONV.END_DATE(45000,36)")).toEqual({ error: "#NAME?" });
    host.displayLanguage = "en-US";
    expect(await value("=CONV.END_DATE(45000,36)")).toBeNull();
    expect(await value("=CONV.DATE.FIN(45000,36)")).toEqual({ error: "#NAME?" });
    // A CONV name inside a string literal is text.
    expect(await value('=IF(TRUE,"CONV.X(1)","")')).toBeNull();
  });

  test("a read of more than five million cells gives null values (office-js #4783, #6781)", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    let values: unknown = "unread";
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 5_001, 1_000).load("values");
      await context.sync();
      values = range.values;
    });
    expect(values).toBeNull();
    expect(host.cellsRead).toEqual([5_001_000]);
  });

  test("a request above the request limit is refused whole with Excel's code; a response above the response limit too", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    host.requestLimitBytes = 1_000;
    const big = Array.from({ length: 200 }, (_, i) => [`ligne ${i}`]);
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 1, 200, 1).values = big))).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.values("A")).toEqual([["x"]]);
    host.requestLimitBytes = Infinity;
    await run(host, (context) => void (context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 1, 200, 1).values = big));
    host.responseLimitBytes = 1_000;
    expect(
      await run(host, async (context) => {
        context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 1, 200, 1).load("values");
        await context.sync();
      }),
    ).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("a table grows only through rows.add, which fills its calculated columns; a write below it leaves it as it is", async () => {
    const host = new FakeExcelHost({ A: [["Réf", "Double"], ["C1", null], [], ["note"]] });
    host.addTable("A", "T", "A1:B2");
    await run(host, (context) => void (context.workbook.tables.getItem("T").columns.getItem("Double").getDataBodyRange().formulas = [["=[@Réf]&[@Réf]"]]));
    await run(host, (context) => void (context.workbook.worksheets.getItem("A").getRangeByIndexes(2, 0, 1, 1).values = [["C2"]]));
    expect(host.sheet("A")?.tables[0].address).toBe("A!A1:B2");
    await run(host, (context) => void context.workbook.tables.getItem("T").rows.add());
    expect(host.sheet("A")?.tables[0].address).toBe("A!A1:B3");
    // The new row is an inserted one: what was below moved down; the calculated column filled it.
    expect(host.sheet("A")?.cells.get("2,1")?.formula).toBe("=[@Réf]&[@Réf]");
    expect(host.values("A")[3][0]).toBe("C2");
    expect(host.values("A")[4][0]).toBe("note");
  });

  test("a table cannot overlap another, nor take a taken name", async () => {
    const host = new FakeExcelHost({ A: [["a", "b"], [1, 2]] });
    host.addTable("A", "T", "A1:B2");
    expect(await run(host, (context) => void context.workbook.worksheets.getItem("A").tables.add("B1:C2", true))).toBe("InvalidOperation");
    expect(
      await run(host, (context) => {
        context.workbook.worksheets.getItem("A").tables.add("E1:F2", true).name = "t";
      }),
    ).toBe("InvalidArgument");
  });

  test("a string in a General cell is read as typed; in a text cell (\"@\") it stays text", async () => {
    const host = new FakeExcelHost({ A: [] });
    await run(host, (context) => {
      const range = context.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 2, 4);
      range.numberFormat = [
        ["General", "General", "General", "General"],
        ["@", "@", "@", "@"],
      ];
      range.formulas = [
        ["12", "VRAI", "'=1+1", "Club"],
        ["12", "VRAI", "+33 6", "=1+1"],
      ];
    });
    expect(host.values("A")).toEqual([
      [12, true, "=1+1", "Club"],
      ["12", "VRAI", "+33 6", "=1+1"],
    ]);
  });

  test("print zoom: only the documented values (PageLayoutZoomOptions: whole pages, a scale of 10 to 400)", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }))).toBe("InvalidArgument");
    expect(await run(host, (context) => void (context.workbook.worksheets.getItem("A").pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 40 }))).toBe("");
  });

  test("freezing rows on a sheet that is not the active one makes it the active one (office-js #3148)", async () => {
    const host = new FakeExcelHost({ A: [["x"]], B: [["y"]] });
    host.selectCell("A", 3, 1);
    await run(host, (context) => context.workbook.worksheets.getItem("B").freezePanes.freezeRows(1));
    expect(host.activeSheet).toBe("B");
  });

  test("fault injection: a refused request runs nothing", async () => {
    const host = new FakeExcelHost({ A: [["x"]] });
    host.refuseRequest = () => "ActivityLimitReached";
    expect(await run(host, (context) => void context.workbook.worksheets.add("B"))).toBe("ActivityLimitReached");
    expect(host.sheets.map((s) => s.name)).toEqual(["A"]);
  });
});
