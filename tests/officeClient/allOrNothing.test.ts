/**
 * All or nothing, with Microsoft's real Excel client: every action of the pane (check, adopt, set
 * up, the two reports, import) is run once to see its requests, then again with each of its
 * requests refused in turn (ActivityLimitReached: Excel refuses the whole request, nothing in it
 * runs). Afterwards every sheet is either as it was or as the action leaves it when nothing fails:
 * no user cell changed, no output half written, no temporary sheet left. Widths, heights, print
 * setup and frozen rows are left out of the comparison: they are sent last, and a refusal there
 * leaves them as Excel had them (the action still stands).
 */
import { CellValue, columnLetter } from "../../src/core/cells/sheetGrid";
import { ExcelRunner, MAX_RESPONSE_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { adoptRegister, appendImportedRows, checkAndAnnotate, inspectWorkbook, setUpRegister } from "../../src/actions/registerActions";
import { addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { tableFields } from "../../src/core/register/registerSchema";
import { MappingDraft } from "../../src/core/register/mappingDraft";
import { FakeExcelHost, FakeSheetState } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";
import { largeRegister, registerGrids } from "../helpers/largeRegister";
import { createRealExcel } from "./realExcel";

const ASOF = d("2026-11-29");
const LATER = d("2027-11-29");

/** A sheet as the comparison sees it: what it holds, not how it is laid out for print. */
function sheetState(sheet: FakeSheetState): string {
  return JSON.stringify({
    visibility: sheet.visibility,
    cells: [...sheet.cells].filter(([, cell]) => Object.keys(cell).some((k) => k !== "value") || cell.value !== null).sort(([a], [b]) => a.localeCompare(b)),
    tables: sheet.tables,
    conditionalFormats: sheet.conditionalFormats,
    validations: sheet.validations,
    merges: sheet.merges,
    charts: sheet.charts,
  });
}

function snapshot(host: FakeExcelHost): { names: string[]; sheets: Map<string, string> } {
  return { names: host.sheets.map((s) => s.name), sheets: new Map(host.sheets.map((s) => [s.name, sheetState(s)])) };
}

interface Scenario {
  readonly name: string;
  readonly workbook: () => Record<string, CellValue[][]>;
  /** What the workbook went through before (on the fake directly), and what the action needs. */
  readonly prepare: (host: FakeExcelHost, gateway: OfficeWorkbook) => Promise<MappingDraft | null>;
  readonly act: (gateway: OfficeWorkbook, draft: MappingDraft | null) => Promise<unknown>;
}

const small = (): Record<string, CellValue[][]> => registerGrids(largeRegister(4, ASOF));

async function draftOf(gateway: OfficeWorkbook): Promise<MappingDraft> {
  const inspection = await inspectWorkbook(gateway);
  if (inspection.kind !== "toAdopt") throw new Error(`a register to adopt, not ${inspection.kind}`);
  return inspection.draft;
}

async function adopt(gateway: OfficeWorkbook): Promise<MappingDraft> {
  const draft = await draftOf(gateway);
  await adoptRegister(gateway, draft);
  return draft;
}

const SCENARIOS: readonly Scenario[] = [
  { name: "adopter", workbook: small, prepare: async (_, g) => draftOf(g), act: (g, draft) => adoptRegister(g, draft as MappingDraft) },
  {
    name: "vérifier (les alertes et les paramètres remplacés, les colonnes du complément réécrites)",
    workbook: small,
    prepare: async (_, g) => {
      await adopt(g);
      await checkAndAnnotate(g, ASOF);
      return null;
    },
    act: (g) => checkAndAnnotate(g, LATER),
  },
  { name: "créer le registre", workbook: () => ({ Feuil1: [] }), prepare: async () => null, act: (g) => setUpRegister(g) },
  {
    name: "rapport annuel (et la collectivité gardée dans les paramètres)",
    workbook: small,
    prepare: async (_, g) => {
      await adopt(g);
      return null;
    },
    act: (g) => addAnnualReport(g, 2025, { asOf: ASOF, authority: "Communauté d'agglomération" }),
  },
  {
    name: "rapport de comité",
    workbook: small,
    prepare: async (_, g) => {
      await adopt(g);
      return null;
    },
    act: (g) => addCommitteeReport(g, { reference: "GEN-000002" }, { asOf: ASOF, authority: "" }),
  },
  {
    name: "importer une délibération (une convention au bas de son tableau Excel, deux échéances)",
    workbook: () => ({ ...small(), Échéances: [tableFields("deadlines").map((f) => f.label)] }),
    prepare: async (host, g) => {
      host.addTable("Conventions", "Registre", `A1:${columnLetter(tableFields("conventions").length - 1)}5`);
      await adopt(g);
      return null;
    },
    act: (g) =>
      appendImportedRows(g, {
        conventions: { id: "TEAM3-2025", title: "Maison France Services", partner: "Commune de Lillers", start: "15/01/2025", duration: "3 ans" },
        deadlines: [
          { label: "Bilan intermédiaire", kind: "Jalon", dueDate: "15/01/2026" },
          { label: "Bilan final", kind: "Jalon", dueDate: "15/12/2027" },
        ],
      }),
  },
];

describe.each(SCENARIOS)("all or nothing: $name", (scenario) => {
  test("a failure injected at each request leaves every sheet as it was or as the action leaves it, never half", async () => {
    const setUp = async (): Promise<{ host: FakeExcelHost; draft: MappingDraft | null }> => {
      const host = new FakeExcelHost(scenario.workbook());
      const draft = await scenario.prepare(host, new OfficeWorkbook(host.run as unknown as ExcelRunner, { responseLimitBytes: MAX_RESPONSE_BYTES, displayLanguage: "fr-FR" }));
      return { host, draft };
    };
    // The action without a failure: its requests, and the workbook it leaves.
    const reference = await setUp();
    const before = snapshot(reference.host);
    const real = createRealExcel(reference.host);
    await scenario.act(new OfficeWorkbook(real.run, { responseLimitBytes: MAX_RESPONSE_BYTES, displayLanguage: "fr-FR" }), reference.draft);
    await real.settle();
    const after = snapshot(reference.host);
    const requests = real.requests.length;
    expect(requests).toBeGreaterThan(2);
    expect(after.sheets).not.toEqual(before.sheets);

    const outcomes: string[] = [];
    for (let refused = 0; refused < requests; refused++) {
      const { host, draft } = await setUp();
      expect(snapshot(host)).toEqual(before);
      const injected = createRealExcel(host, { refuse: (request) => (request.index === refused ? "ActivityLimitReached" : null) });
      const outcome = await scenario.act(new OfficeWorkbook(injected.run, { responseLimitBytes: MAX_RESPONSE_BYTES, displayLanguage: "fr-FR" }), draft).then(
        () => "done",
        (error: unknown) => `failed (${String((error as { code?: unknown }).code)})`,
      );
      await injected.settle();
      const now = snapshot(host);
      // Each sheet is the old one or the new one; no sheet that is neither (a temporary one left behind).
      for (const name of now.names) {
        const state = now.sheets.get(name);
        expect([name, state === before.sheets.get(name) || state === after.sheets.get(name)]).toEqual([name, true]);
      }
      for (const name of [...before.names, ...after.names]) {
        if (!now.sheets.has(name)) expect([name, before.sheets.has(name) && after.sheets.has(name)]).toEqual([name, false]);
      }
      outcomes.push(`#${refused} ${outcome}: ${now.names.filter((n) => now.sheets.get(n) !== before.sheets.get(n)).join(", ") || "nothing changed"}`);
    }
    console.log(`${scenario.name}: ${requests} requests\n  ${outcomes.join("\n  ")}`);
  });
});
