import { parseExplicitMapping } from "../../src/core/register/detectMapping";
import { loadRegister } from "../../src/actions/loadRegister";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { errorMessage } from "../../src/i18n/fr";
import { d } from "../helpers/dates";

describe("loadRegister through the in-memory gateway", () => {
  test("reads every sheet, finds the tables, types the rows, and leaves the workbook as it was", async () => {
    const sheets = {
      Accueil: [["Registre des conventions — mode d'emploi"]],
      Conventions: [
        ["Référence", "Partenaire", "Date de notification", "Durée"],
        ["C1", "TEAM2", "15/07/2024", "3 ans"],
      ],
      "Comités": [
        ["Convention", "Date", "Type"],
        ["C1", 45568, "Comité de suivi"],
      ],
    };
    const before = JSON.stringify(sheets);
    const workbook = new MemoryWorkbook(sheets);
    const loaded = await loadRegister(workbook);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.mapping.conventions.sheet).toBe("Conventions");
    expect(loaded.mapping.committees?.sheet).toBe("Comités");
    expect(loaded.register.conventions[0]).toMatchObject({ id: "C1", start: d("2024-07-15"), duration: 36 });
    expect(loaded.register.committees).toEqual([expect.objectContaining({ conventionId: "C1", date: d("2024-10-03"), type: "steering" })]);
    expect(loaded.findings).toEqual([]);
    expect(JSON.stringify(sheets)).toBe(before);
    expect(await workbook.readSheet("Conventions")).toEqual({ name: "Conventions", values: sheets.Conventions });
  });

  test("what the fake gives cannot change the workbook", async () => {
    const workbook = new MemoryWorkbook({ S: [["a"]] });
    const grid = await workbook.readSheet("S");
    (grid.values[0] as unknown[])[0] = "changed";
    expect((await workbook.readSheet("S")).values[0][0]).toBe("a");
    await expect(workbook.readSheet("Absente")).rejects.toThrow("Absente");
  });

  test("an explicit mapping reaches the detection; problems come back as data", async () => {
    const workbook = new MemoryWorkbook({ Suivi: [["Code interne", "Signée le"], ["C1", 45488]] });
    const none = await loadRegister(workbook);
    expect(none).toMatchObject({ ok: false, problems: [{ code: "no_conventions_table" }] });
    const file = parseExplicitMapping({ conventions: { colonnes: { "Référence": "Code interne", "Date de notification": "Signée le" } } });
    if (!file.ok) throw new Error("valid file");
    const loaded = await loadRegister(workbook, file.value);
    expect(loaded.ok && loaded.register.conventions[0].start).toEqual(d("2024-07-15"));
  });

  test("an Excel error value is named in the message", () => {
    expect(errorMessage({ code: "invalid_type", value: { error: "#REF!" }, field: "Date de notification", expected: "date" })).toBe(
      "Date de notification : le code d'erreur Excel #REF! n'est pas lisible comme une date.",
    );
  });
});
