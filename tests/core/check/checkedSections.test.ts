/**
 * checkedSections makes, convention by convention and at each walk, the sections checkWorkbook
 * holds (groupFindings of the placed findings): the same summaries and findings, in the same order,
 * on registers with every kind of finding — cells the reader could not read, rows that name no
 * convention, avenants, obligations, milestones — and on a register that names a convention twice.
 */
import { checkWorkbook } from "../../../src/actions/loadRegister";
import { checkRegister } from "../../../src/core/check/checkRegister";
import { checkedSections } from "../../../src/core/check/checkedSections";
import { FindingSections, groupFindings } from "../../../src/core/check/groupFindings";
import { placeFindings } from "../../../src/core/check/placeFindings";
import { CellValue } from "../../../src/core/cells/sheetGrid";
import { MemoryWorkbook } from "../../../src/excel/memoryWorkbook";
import { d } from "../../helpers/dates";
import { largeRegister, registerGrids } from "../../helpers/largeRegister";

const asOf = d("2026-11-29");

/** Every section and orphan of a walk, as plain data. */
function walk(sections: FindingSections): unknown {
  return { sections: [...sections.sections], orphans: [...sections.orphans] };
}

async function bothWays(grids: Record<string, CellValue[][]>): Promise<{ held: unknown; made: FindingSections; readerFindings: number }> {
  const checked = await checkWorkbook(new MemoryWorkbook(grids), { asOf });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const made = checkedSections(checked.register, { asOf }, checked.findings, checked.mapping);
  return { held: walk(checked.grouped), made, readerFindings: checked.findings.length };
}

describe("checkedSections: the held sections, made as they are walked", () => {
  test("a generated register of 2 000 conventions: the same sections, twice", async () => {
    const { held, made } = await bothWays(registerGrids(largeRegister(2_000, asOf)));
    expect(walk(made)).toEqual(held);
    expect(walk(made)).toEqual(held);
  });

  test("unreadable cells, orphan rows, avenants, obligations and milestones: the reader's findings first in their convention", async () => {
    const { held, made, readerFindings } = await bothWays({
      Conventions: [
        ["Référence", "Intitulé", "Date de notification", "Durée", "Date de fin", "Montant"],
        ["C1", "Première", "15/07/2024", "3 ans", null, "beaucoup"],
        ["C2", "Deuxième", "31/02/2025", 36, "14/07/2027", 1000],
        [null, "Sans référence", "01/01/2024", 24, null, null],
        ["C3", "Troisième", "01/03/2023", 24, "28/02/2024", null],
        ["C4", "Quatrième", "01/09/2025", "deux ans", null, null],
      ],
      Comités: [
        ["Référence convention", "Date", "Type"],
        ["C1", "03/10/2024", "Comité de suivi"],
        ["C1", "12/05/2023", "Comité de suivi"],
        ["C9", "03/10/2024", "Comité de suivi"],
        ["C3", "pas une date", "Club territorial"],
        ["C4", "10/10/2025", "Club territorial"],
      ],
      Échéances: [
        ["Référence convention", "Libellé", "Type", "Délai (mois)", "Fréquence (mois)", "Date limite", "Réalisé le"],
        ["C1", "Club territorial", "Récurrente", null, 3, null, null],
        ["C1", "Bilan intermédiaire", "Jalon", 18, null, null, null],
        ["C4", "Rapport d'activité", "Jalon", null, null, "15/12/2026", null],
        ["C9", "Bilan", "Jalon", 6, null, null, null],
        ["C2", "Comité de suivi", "Récurrente", null, 5, null, null],
      ],
      Avenants: [
        ["Référence convention", "N°", "Date", "Nouvelle durée"],
        ["C1", "1", "01/02/2027", 48],
        ["C3", "1", "01/01/2023", null],
      ],
    });
    expect(readerFindings).toBeGreaterThan(3);
    const sections = walk(made) as { sections: { findings: unknown[] }[]; orphans: unknown[] };
    expect(sections.orphans.length).toBeGreaterThan(1);
    expect(sections.sections.some((s) => s.findings.length > 2)).toBe(true);
    expect(sections).toEqual(held);
  });

  test("a register that names a convention twice is grouped whole, as groupFindings groups it", async () => {
    const checked = await checkWorkbook(new MemoryWorkbook(registerGrids(largeRegister(20, asOf))), { asOf });
    if (!checked.ok) throw new Error("registre illisible");
    const register = { ...checked.register, conventions: [...checked.register.conventions, checked.register.conventions[3]] };
    const check = checkRegister(register, { asOf });
    const held = groupFindings(check.conventions, placeFindings(checked.findings.concat(check.findings), checked.mapping));
    expect(walk(checkedSections(register, { asOf }, checked.findings, checked.mapping))).toEqual(walk(held));
  });
});
