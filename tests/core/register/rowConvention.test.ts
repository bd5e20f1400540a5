import { Register } from "../../../src/core/register/registerSchema";
import { conventionOfRow } from "../../../src/core/register/rowConvention";
import { readRegister } from "../../../src/core/register/readRegister";
import { detectMapping } from "../../../src/core/register/detectMapping";
import { SheetGrid } from "../../../src/core/cells/sheetGrid";

const grids: SheetGrid[] = [
  {
    name: "Conventions",
    values: [
      ["Registre des conventions"],
      ["Référence", "Intitulé", "Date de notification", "Durée"],
      ["TEAM2-2024", "Pôle TEAM²", 45485, 36],
      [null, null, null, null],
      ["CLUB-2025", "Club", 45672, 24],
    ],
  },
  {
    name: "Comités",
    values: [
      ["Référence convention", "Date", "Type"],
      ["CLUB-2025", 45700, "Comité de suivi"],
      ["TEAM2-2024", 45600, "Comité de suivi"],
      ["INCONNUE", 45600, "Comité de suivi"],
    ],
  },
];

function register(): Register {
  const found = detectMapping(grids);
  if (!found.ok) throw new Error(JSON.stringify(found.problems));
  return readRegister(grids, found.mapping).register;
}

describe("conventionOfRow: the convention of the selected row", () => {
  test("a convention's own row; a comité row names its convention; sheet names compare without case", () => {
    const r = register();
    expect(conventionOfRow(r, { sheet: "Conventions", row: 3 })).toBe("TEAM2-2024");
    expect(conventionOfRow(r, { sheet: "conventions", row: 5 })).toBe("CLUB-2025");
    expect(conventionOfRow(r, { sheet: "Comités", row: 2 })).toBe("CLUB-2025");
    expect(conventionOfRow(r, { sheet: "COMITÉS", row: 3 })).toBe("TEAM2-2024");
  });

  test("a title, a header, a blank row, a row past the end or another sheet: none", () => {
    const r = register();
    for (const place of [
      { sheet: "Conventions", row: 1 },
      { sheet: "Conventions", row: 2 },
      { sheet: "Conventions", row: 4 },
      { sheet: "Conventions", row: 99 },
      { sheet: "Comités", row: 1 },
      { sheet: "Alertes", row: 3 },
    ]) {
      expect([place, conventionOfRow(r, place)]).toEqual([place, null]);
    }
  });

  test("a comité naming a reference the register lacks gives that reference (the report then says it is unknown)", () => {
    expect(conventionOfRow(register(), { sheet: "Comités", row: 4 })).toBe("INCONNUE");
  });
});
