import { loose } from "../../helpers/findings";
import { detectMapping } from "../../../src/core/register/detectMapping";
import { readRegister } from "../../../src/core/register/readRegister";
import { CellValue, SheetGrid } from "../../../src/core/cells/sheetGrid";
import { d } from "../../helpers/dates";

function read(sheets: Record<string, CellValue[][]>) {
  const grids: SheetGrid[] = Object.entries(sheets).map(([name, values]) => ({ name, values }));
  const found = detectMapping(grids);
  if (!found.ok) throw new Error(JSON.stringify(found.problems));
  return readRegister(grids, found.mapping);
}

// 45488 = 15/07/2024, 45568 = 03/10/2024, 45672 = 15/01/2025 (Excel serials).
describe("readRegister: rows typed with their columns' schemas", () => {
  test("a register in staff's layout: title rows, text dates, durations in years, holes between rows", () => {
    const { register, findings } = read({
      "Suivi 2024": [
        ["Registre des conventions", null, null, null, null],
        [null, null, null, null, null],
        ["Réf.", "Organisme", "Date d'effet", "Durée (ans)", "Échéance"],
        ["2024-01", "TEAM2", "15 juillet 2024", 3, null],
        [null, null, null, null, null],
        [null, "", "  ", null, null],
        ["2024-02", "Commune de Beuvry", 45488, "18 mois", "14/01/2026"],
      ],
    });
    expect(findings).toEqual([]);
    expect(register.conventions).toEqual([
      expect.objectContaining({ id: "2024-01", partner: "TEAM2", start: d("2024-07-15"), duration: 36, end: null, source: { sheet: "Suivi 2024", row: 4 } }),
      expect.objectContaining({ id: "2024-02", partner: "Commune de Beuvry", start: d("2024-07-15"), duration: 18, end: d("2026-01-14"), source: { sheet: "Suivi 2024", row: 7 } }),
    ]);
    expect(register.conventions[0].title).toBeNull();
  });

  test("a cell that cannot be read is reported with its sheet, row, column and text, and left blank", () => {
    const { register, findings } = read({
      Conventions: [
        ["Référence", "Date de notification", "Durée", "Montant"],
        ["C1", "31/02/2025", "trois ans et demi", "beaucoup"],
      ],
    });
    expect(register.conventions[0]).toMatchObject({ id: "C1", start: null, duration: null, amount: null });
    expect(findings).toEqual([
      {
        code: "invalid_value",
        conventionId: "C1",
        table: "conventions",
        field: "start",
        location: { sheet: "Conventions", row: 2, column: "B" },
        error: { code: "impossible_date", value: "31/02/2025", field: "Date de notification" },
      },
      {
        code: "invalid_value",
        conventionId: "C1",
        table: "conventions",
        field: "duration",
        location: { sheet: "Conventions", row: 2, column: "C" },
        error: { code: "invalid_duration", value: "trois ans et demi", field: "Durée", notUnderstood: "demi" },
      },
      expect.objectContaining({ field: "amount", location: { sheet: "Conventions", row: 2, column: "D" }, error: expect.objectContaining({ code: "invalid_amount" }) }),
    ]);
  });

  test("an Excel error in a cell is reported, not crashed on", () => {
    const { findings } = read({ Conventions: [["Référence", "Date de notification"], ["C1", { error: "#REF!" }]] });
    expect(findings).toMatchObject([{ code: "invalid_value", field: "start", error: { code: "invalid_type", value: { error: "#REF!" } } }]);
  });

  test("a row without a reference is reported and left out; a reference used twice keeps its first row", () => {
    const { register, findings } = read({
      Conventions: [
        ["Référence", "Date de notification", "Montant"],
        ["C1", 45488, null],
        [null, 45488, 1000],
        ["c 1", 45568, null],
      ],
    });
    expect(register.conventions.map((c) => c.id)).toEqual(["C1"]);
    expect(register.conventions[0].start).toEqual(d("2024-07-15"));
    expect(findings).toEqual([
      {
        code: "invalid_value",
        conventionId: null,
        table: "conventions",
        field: "id",
        location: { sheet: "Conventions", row: 3, column: "A" },
        error: { code: "missing_value", field: "Référence", rowLeftOut: true },
      },
      {
        code: "invalid_value",
        conventionId: "c 1",
        table: "conventions",
        field: "id",
        location: { sheet: "Conventions", row: 4, column: "A" },
        error: { code: "duplicate_reference", value: "c 1", field: "Référence", firstRow: 2 },
      },
    ]);
  });

  test("comités from their own table and from repeated columns of the conventions sheet", () => {
    const { register, findings } = read({
      Conventions: [
        ["Référence", "Date de notification", "Durée", "Comité 1", "Comité 2", "Club T1 2025"],
        ["C1", 45488, 36, 45568, null, "15/01/2025"],
        ["C2", 45488, 36, "à planifier", null, null],
      ],
      "Comités": [
        ["Convention", "Date du comité", "Type", "Compte rendu"],
        ["c1", "15 janvier 2025", null, "CR n°2"],
        ["C1", null, "Comité de suivi", null],
        ["C9", 45672, "Club territorial", null],
      ],
    });
    expect(register.committees).toEqual([
      { conventionId: "C1", date: d("2024-10-03"), type: "steering", minutes: null, participants: null, source: { sheet: "Conventions", row: 2 } },
      { conventionId: "C1", date: d("2025-01-15"), type: "club", minutes: null, participants: null, source: { sheet: "Conventions", row: 2 } },
      { conventionId: "C1", date: d("2025-01-15"), type: null, minutes: "CR n°2", participants: null, source: { sheet: "Comités", row: 2 } },
      // The reader keeps an unknown reference: the check says it names no convention.
      { conventionId: "C9", date: d("2025-01-15"), type: "club", minutes: null, participants: null, source: { sheet: "Comités", row: 4 } },
    ]);
    expect(findings).toEqual([
      {
        code: "invalid_value",
        conventionId: "C2",
        table: "conventions",
        field: "committee",
        location: { sheet: "Conventions", row: 3, column: "D" },
        error: { code: "invalid_date", value: "à planifier", field: "Comité 1" },
      },
      { code: "missing_date", conventionId: "C1", table: "committees", field: "date", location: { sheet: "Comités", row: 3, column: "B" } },
    ]);
  });

  test("échéances and avenants", () => {
    const { register, findings } = read({
      Conventions: [["Référence", "Date de notification", "Durée"], ["C1", 45488, "3 ans"]],
      "Échéances": [
        ["Référence convention", "Libellé", "Type", "Délai (mois)", "Fréquence (mois)", "Date limite", "Réalisé le"],
        ["C1", "Pôle innovation", "Jalon", 18, null, null, null],
        ["C1", "Club territorial", "Récurrente", null, 3, null, null],
        ["C1", null, "Jalon", 6, null, null, null],
      ],
      Avenants: [
        ["Référence convention", "N°", "Date", "Objet", "Nouvelle durée", "Nouvelle date de fin"],
        ["C1", 1, "02/06/2025", "Prolongation", "4 ans", null],
        ["C1", 2, null, "Oubli", null, null],
      ],
    });
    expect(register.deadlines).toEqual([
      expect.objectContaining({ conventionId: "C1", label: "Pôle innovation", kind: "milestone", delayMonths: 18, frequencyMonths: null, source: { sheet: "Échéances", row: 2 } }),
      expect.objectContaining({ label: "Club territorial", kind: "recurring", frequencyMonths: 3 }),
    ]);
    expect(register.amendments).toEqual([
      { conventionId: "C1", number: "1", date: d("2025-06-02"), subject: "Prolongation", newDuration: 48, newEnd: null, source: { sheet: "Avenants", row: 2 } },
    ]);
    expect(findings.map(loose).map((f) => [f.code, f.table, f.field, f.location?.row])).toEqual([
      ["invalid_value", "deadlines", "label", 4],
      ["missing_date", "amendments", "date", 3],
    ]);
  });
});

describe("readRegister: a value repeated down a column", () => {
  test("is read the same on every row, and a wrong one is reported on every row it is in", () => {
    const { register, findings } = read({
      Conventions: [
        ["Référence", "Date de notification", "Durée", "Montant"],
        ["C1", "15 juillet 2024", "3 ans", "beaucoup"],
        ["C2", "15 juillet 2024", "3 ans et demi", null],
        ["C3", 45488, "3 ans et demi", "beaucoup"],
        ["C4", 45488, "3 ans", null],
      ],
    });
    expect(register.conventions.map((c) => [c.id, c.start, c.duration, c.amount])).toEqual([
      ["C1", d("2024-07-15"), 36, null],
      ["C2", d("2024-07-15"), null, null],
      ["C3", d("2024-07-15"), null, null],
      ["C4", d("2024-07-15"), 36, null],
    ]);
    expect(findings.map(loose).map((f) => [f.conventionId, f.location?.row, f.location?.column, f.error?.code, f.error?.value])).toEqual([
      ["C1", 2, "D", "invalid_amount", "beaucoup"],
      ["C2", 3, "C", "invalid_duration", "3 ans et demi"],
      ["C3", 4, "C", "invalid_duration", "3 ans et demi"],
      ["C3", 4, "D", "invalid_amount", "beaucoup"],
    ]);
  });

  test("serials that take each other's place in the column's table of dates (8 192 days apart) are each their own date", () => {
    // 45488 = 15/07/2024; 53680 = 45488 + 8 192 = 19/12/2046; 37296 = 45488 - 8 192 = 09/02/2002; 45488.5 has an hour.
    const serials = [45488, 53680, 45488, 37296, 53680, 45488.5, 45488, 0, -8192];
    const { register, findings } = read({
      Conventions: [["Référence", "Date de notification"], ...serials.map((serial, i) => [`C${i}`, serial])],
    });
    expect(register.conventions.map((c) => c.start)).toEqual([
      d("2024-07-15"),
      d("2046-12-19"),
      d("2024-07-15"),
      d("2002-02-09"),
      d("2046-12-19"),
      d("2024-07-15"),
      d("2024-07-15"),
      null,
      null,
    ]);
    expect(findings.map(loose).map((f) => [f.conventionId, f.location?.row, f.code])).toEqual([["C8", 10, "invalid_value"]]);
  });

  test("a comité's reference is matched to its convention however often it is written", () => {
    const { register } = read({
      Conventions: [["Référence", "Date de notification"], ["TEAM2-2024", 45488]],
      "Comités": [["Convention", "Date du comité"], ["TEAM2-2024", 45568], ["team2 - 2024", 45568], ["TEAM2-2024", 45672], ["team2 - 2024", 45672]],
    });
    expect(register.committees.map((c) => c.conventionId)).toEqual(["TEAM2-2024", "TEAM2-2024", "TEAM2-2024", "TEAM2-2024"]);
  });
});
