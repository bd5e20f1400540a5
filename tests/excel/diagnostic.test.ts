/**
 * The diagnostic's probes (src/excel/diagnostic.ts) on the fake Excel host: each behaviour found
 * as Excel has it, each failure said with what was read, and the workbook — every cell, sheet,
 * table, name, the active sheet and selection — the same afterwards, also when Excel refuses any
 * one of its requests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as implementations from "../../src/functions/functions";
import frenchFunctions from "../../src/i18n/functions.fr.json";
import { DiagnosticRunner, PROBE_SHEETS, ProbeResult, TEXT_PROBE, hostEnvironment, runProbes } from "../../src/excel/diagnostic";
import { REQUIRED_SETS } from "../../src/excel/requirements";
import { SETTINGS_SHEET } from "../../src/plans/ownedSheets";
import { FakeCustomFunctions, FakeExcelHost } from "../browser/fakeOffice/fakeExcel";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const FUNCTIONS_SOURCE = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");

/**
 * The functions as Excel loads them for a display language: the manifest's metadata for that
 * locale (its overrides name functions.json, whose names are the ids; every other locale gets
 * functions.fr.json, built from src/i18n/functions.fr.json), and the implementations functions.js
 * registers (each `@customfunction ID` above its exported function).
 */
function loadedFunctions(displayLanguage: string): FakeCustomFunctions {
  const metadata = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(MANIFEST);
  const overrides = [...(metadata?.[1] ?? "").matchAll(/Locale="([^"]+)" Value="[^"]*\/functions\.json"/g)].map((m) => m[1].toLowerCase());
  const english = overrides.includes(displayLanguage.toLowerCase());
  const names = new Map(frenchFunctions.functions.map((f) => [`${frenchFunctions.namespace}.${english ? f.id : f.name}`.toUpperCase(), f.id]));
  const loaded = new FakeCustomFunctions(frenchFunctions.namespace, names);
  const byExport = implementations as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [, id, exported] of FUNCTIONS_SOURCE.matchAll(/@customfunction (\w+)[\s\S]*?export function (\w+)/g)) loaded.implementations.set(id, byExport[exported]);
  return loaded;
}

/** A workbook with what the add-in leaves in it: a register, its very hidden settings, a table, a rule, a name, a selection. */
function registerHost(displayLanguage = "fr-FR"): FakeExcelHost {
  const host = new FakeExcelHost({
    Accueil: [["Registre des conventions"]],
    Conventions: [
      ["Référence", "Intitulé", "Date de notification", "Durée", "Fin"],
      ["TEAM2", "=1+1", 45488, 36, null],
    ],
    [SETTINGS_SHEET]: [["Ne pas modifier"], ["mapping", "{\"conventions\":{}}"]],
  });
  const settings = host.sheet(SETTINGS_SHEET);
  if (settings !== undefined) settings.visibility = "VeryHidden";
  const conventions = host.sheet("Conventions");
  conventions?.tables.push({ name: "Conventions", address: "Conventions!A1:E2", style: "TableStyleMedium2" });
  conventions?.conditionalFormats.push({ address: "Conventions!E2:E2", text: "Échue", fill: "#FDE7E9" });
  const end = conventions?.cells.get("1,4");
  if (conventions !== undefined) conventions.cells.set("1,4", { ...end, value: 46581, formula: "=CONV.DATE.FIN(C2,D2)" });
  host.names.push({ name: "Taux", formula: "=Accueil!$B$1" });
  host.selectCell("Conventions", 1, 1);
  host.customFunctions = loadedFunctions(displayLanguage);
  return host;
}

/** Everything the fake workbook holds, as plain data. */
function snapshot(host: FakeExcelHost): string {
  return JSON.stringify(
    {
      sheets: host.sheets.map((s) => ({ ...s, cells: [...s.cells].sort(), columnWidths: [...s.columnWidths], rowHeights: [...s.rowHeights] })),
      names: host.names,
      activeSheet: host.activeSheet,
      selected: host.selected,
      activeCells: [...host.activeCells],
    },
    null,
    1,
  );
}

const noWait = (): Promise<void> => Promise.resolve();

function probe(host: FakeExcelHost, language: "fr" | "en" = "fr", run: DiagnosticRunner = host.run as unknown as DiagnosticRunner) {
  let clock = 0;
  const waits: number[] = [];
  const results = runProbes({
    run,
    language,
    now: () => (clock += 7),
    wait: (ms) => {
      waits.push(ms);
      return noWait();
    },
  });
  return { results, waits };
}

const byCode = <C extends ProbeResult["code"]>(results: readonly ProbeResult[], code: C): Extract<ProbeResult, { code: C }> => {
  const found = results.find((r) => r.code === code);
  if (found === undefined) throw new Error(`${code} absent : ${JSON.stringify(results)}`);
  return found as Extract<ProbeResult, { code: C }>;
};

describe("the diagnostic's probes, on the fake Excel host", () => {
  test("an up-to-date French Excel: every behaviour as the add-in needs it, and the workbook exactly as it was", async () => {
    const host = registerHost();
    const before = snapshot(host);
    const { results } = probe(host);
    const report = await results;
    expect(report.map((r) => [r.code, r.ok])).toEqual([
      ["round_trip", true],
      ["text_stays_text", true],
      ["custom_function", true],
      ["table_rows_add", true],
      ["settings_rewrite", true],
      ["workbook_unchanged", true],
    ]);
    expect(byCode(report, "text_stays_text").read).toEqual({ value: TEXT_PROBE, type: "String" });
    const fn = byCode(report, "custom_function");
    // TEAM2, notified 15/07/2024 (serial 45488) for 36 months, ends 14/07/2027 (serial 46582).
    expect(fn.formula).toBe("=CONV.DATE.FIN(45488,36)");
    expect(fn.read).toEqual({ value: 46582, type: "Double" });
    expect(byCode(report, "table_rows_add")).toMatchObject({ rowsBefore: 1, rowsAfter: 2, newRow: [{ value: "b", type: "String" }, { value: 2, type: "Double" }] });
    expect(byCode(report, "settings_rewrite")).toMatchObject({ visibility: "VeryHidden", rewritten: { value: "2", type: "String" }, removed: true });
    expect(byCode(report, "round_trip").milliseconds).toBe(7);
    const outline = byCode(report, "workbook_unchanged");
    expect(outline.before).toEqual({
      sheets: ["Accueil (Visible)", "Conventions (Visible)", `${SETTINGS_SHEET} (VeryHidden)`],
      tables: ["Conventions"],
      names: ["Taux"],
      activeSheet: "Conventions",
    });
    expect(snapshot(host)).toBe(before);
    expect(host.sheets.map((s) => s.name)).not.toContain(PROBE_SHEETS.cells);
  });

  test("an English Excel (en-GB, the manifest's override): the function under its English name", async () => {
    const host = registerHost("en-GB");
    const report = await probe(host, "en").results;
    expect(byCode(report, "custom_function")).toMatchObject({ ok: true, formula: "=CONV.END_DATE(45488,36)", read: { value: 46582, type: "Double" } });
  });

  test("the French name in an English Excel is #NAME?: the probe fails and says what it read", async () => {
    const host = registerHost("en-US");
    const before = snapshot(host);
    const report = await probe(host, "fr").results;
    expect(byCode(report, "custom_function")).toMatchObject({ ok: false, read: { value: "#NAME?", type: "Error" } });
    expect(byCode(report, "text_stays_text").ok).toBe(true);
    expect(byCode(report, "workbook_unchanged").ok).toBe(true);
    expect(snapshot(host)).toBe(before);
  });

  test("a function still computing (#BUSY!) is read again until its number comes", async () => {
    const host = registerHost();
    const functions = host.customFunctions;
    if (functions === null) throw new Error("functions");
    functions.busySyncs = 3;
    const { results, waits } = probe(host);
    const fn = byCode(await results, "custom_function");
    expect(fn).toMatchObject({ ok: true, read: { value: 46582, type: "Double" }, reads: 3 });
    expect(waits).toEqual([500, 500]);
  });

  test("functions not loaded by Excel: #NAME? at once, read once", async () => {
    const host = registerHost();
    host.customFunctions = new FakeCustomFunctions("CONV", new Map());
    const report = await probe(host).results;
    expect(byCode(report, "custom_function")).toMatchObject({ ok: false, read: { value: "#NAME?", type: "Error" }, reads: 1 });
  });

  test("the temporary sheets' names are taken: others are used, the user's sheets left alone", async () => {
    const host = registerHost();
    host.newSheet(PROBE_SHEETS.cells).cells.set("0,0", { value: "à moi" });
    const before = snapshot(host);
    const report = await probe(host).results;
    expect(report.every((r) => r.ok)).toBe(true);
    expect(snapshot(host)).toBe(before);
  });

  test("Excel refuses any one request: the failure is reported, and the workbook is still exactly as it was", async () => {
    const reference = registerHost();
    await probe(reference).results;
    const requests = reference.requests.length;
    expect(requests).toBeGreaterThan(8);
    let cleanupFailures = 0;
    for (let failing = 1; failing <= requests; failing++) {
      const host = registerHost();
      const before = snapshot(host);
      let count = 0;
      // The Nth request refused (not sent), as Excel refuses a batch: "GeneralException".
      const run: DiagnosticRunner = (batch) =>
        host.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = async () => {
            count += 1;
            if (count === failing) throw Object.assign(new Error("Une erreur interne s'est produite."), { code: "GeneralException" });
            return sync();
          };
          return batch(context as unknown as Excel.RequestContext);
        });
      const report = await probe(host, "fr", run).results;
      expect([failing, report.some((r) => !r.ok)]).toEqual([failing, true]);
      const left = report.find((r): r is Extract<ProbeResult, { code: "sheets_left" }> => r.code === "sheets_left");
      if (left === undefined) expect([failing, snapshot(host)]).toEqual([failing, before]);
      else {
        // The removal itself refused: the sheets that may be left are named for the user, none of the user's touched.
        expect(left).toMatchObject({ sheets: [PROBE_SHEETS.cells, PROBE_SHEETS.settings], errorCode: "GeneralException" });
        expect(host.sheets.filter((s) => !left.sheets.includes(s.name)).map((s) => s.name)).toEqual(["Accueil", "Conventions", SETTINGS_SHEET]);
        cleanupFailures += 1;
      }
    }
    // Only a refusal of the removal's own request (the last one) leaves them.
    expect(cleanupFailures).toBe(1);
  });
});

describe("what Office says of the host", () => {
  test("platform, version, display language, function names and requirement sets", () => {
    const environment = hostEnvironment({
      displayLanguage: "fr-FR",
      diagnostics: { host: "Excel", platform: "Mac", version: "16.89" },
      requirements: { isSetSupported: (name: string, version?: string) => !(name === "ExcelApi" && version === "1.9") },
    });
    expect(environment).toMatchObject({ host: "Excel", platform: "Mac", version: "16.89", displayLanguage: "fr-FR", functionLanguage: "fr" });
    expect(environment.requirements?.map((r) => [r.set.name, r.supported])).toEqual(REQUIRED_SETS.map((s) => [s.name, s.name !== "ExcelApi"]));
  });

  test("outside Office: nothing known, the default language's names", () => {
    expect(hostEnvironment(undefined)).toEqual({ host: null, platform: null, version: null, displayLanguage: null, functionLanguage: "fr", requirements: null });
  });
});
