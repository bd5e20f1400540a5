/**
 * The pane's actions on a generated register, through the gateway on Microsoft's real Excel client
 * (the fake host behind it): each action's requests as the client sent them (real bytes) and the
 * `context.sync` calls of each of its Excel.run. Shared by the size test
 * (requestSizes.test.ts) and the bench (bench/paneBench.ts).
 */
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { MAX_RESPONSE_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { adoptRegister, appendImportedRows, checkAndAnnotate, exportDeadlines, inspectWorkbook, setUpRegister } from "../../src/actions/registerActions";
import { addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { COMMITTEES_PER_CONVENTION, largeRegister, registerGrids } from "../helpers/largeRegister";
import { countingRunner } from "./measure";
import { CapturedRequest, createRealExcel } from "./realExcel";

export interface MeasuredAction {
  readonly action: string;
  /** Every request the client sent for it, in order. */
  readonly requests: readonly CapturedRequest[];
  /** `context.sync` calls of each of its Excel.run. */
  readonly syncsPerRun: readonly number[];
}

export type Platform = "web" | "desktop";

/**
 * Runs the pane's actions on a register of `rows` rows (a fifth conventions, the rest their
 * comités): opening, adopting, checking, exporting, both reports, an import; then setting up a
 * register in a blank workbook. On "web" the gateway keeps responses under its limit, on
 * "desktop" it reads without one.
 */
export async function measurePaneActions(rows: number, asOf: CalendarDate, platform: Platform = "web"): Promise<MeasuredAction[]> {
  const options = { responseLimitBytes: platform === "web" ? MAX_RESPONSE_BYTES : Infinity, displayLanguage: "fr-FR" };
  const out: MeasuredAction[] = [];
  const on = async (host: FakeExcelHost, steps: (gateway: OfficeWorkbook, measure: (action: string, act: () => Promise<unknown>) => Promise<void>) => Promise<void>): Promise<void> => {
    const real = createRealExcel(host);
    const { run, syncsPerRun } = countingRunner(real);
    const gateway = new OfficeWorkbook(run, options);
    await steps(gateway, async (action, act) => {
      await real.settle();
      const first = real.requests.length;
      const firstRun = syncsPerRun.length;
      await act();
      await real.settle();
      out.push({ action, requests: real.requests.slice(first), syncsPerRun: syncsPerRun.slice(firstRun) });
    });
  };
  await on(new FakeExcelHost(registerGrids(largeRegister(Math.max(1, Math.round(rows / (1 + COMMITTEES_PER_CONVENTION))), asOf))), async (gateway, measure) => {
    let inspection: Awaited<ReturnType<typeof inspectWorkbook>> | null = null;
    await measure("ouverture (lecture du classeur)", async () => {
      inspection = await inspectWorkbook(gateway);
    });
    const opened = inspection as Awaited<ReturnType<typeof inspectWorkbook>> | null;
    if (opened === null || opened.kind !== "toAdopt") throw new Error("a register to adopt expected");
    await measure("adopter les tables", () => adoptRegister(gateway, opened.draft));
    await measure("vérifier et annoter", () => checkAndAnnotate(gateway, asOf));
    await measure("vérifier de nouveau (alertes remplacées)", () => checkAndAnnotate(gateway, asOf));
    await measure("exporter les échéances (.ics)", () => exportDeadlines(gateway, asOf));
    await measure("rapport annuel", () => addAnnualReport(gateway, asOf.year - 1, { asOf, authority: "Communauté d'agglomération" }));
    await measure("rapport de comité", () => addCommitteeReport(gateway, { reference: "GEN-000001" }, { asOf, authority: "Communauté d'agglomération" }));
    await measure("importer une délibération", () =>
      appendImportedRows(gateway, { conventions: { id: "IMPORT-0001", title: "Maison France Services", start: "15/01/2025", duration: "3 ans" }, deadlines: [] }),
    );
  });
  await on(new FakeExcelHost({ Feuil1: [] }), async (gateway, measure) => {
    await measure("créer le registre (classeur vide)", () => setUpRegister(gateway));
  });
  return out;
}
