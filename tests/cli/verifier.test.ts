/**
 * `registre verifier` end to end, in-process through main(), on workbooks built with ExcelJS.
 * The expected alerts are worked out by hand from the rules (DOMAIN.md) and the cells written.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXED_TODAY, fingerprint, run, staffWorkbook, tempDir, writeXlsx } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

let register: string;
beforeAll(async () => {
  register = await staffWorkbook(temp.dir);
});

/** The parts of an alert the rules decide (the message is checked apart). */
function essentials(alert: Record<string, unknown>): Record<string, unknown> {
  const { message, ...rest } = alert;
  expect(typeof message).toBe("string");
  expect((message as string).length).toBeGreaterThan(10);
  return rest;
}

const SHEET = "Suivi 2024 (copie)";

// At 01/03/2026, on the staff's register (see staffWorkbook):
// - 2024-01 (row 4): notified 15/07/2024, 3 ans → ends 14/07/2027, in force. Comités 10/12/2024
//   (2024-S2) and 25/11/2025 (2025-S2): 2025-S1 closed without one; 2026-S1 is in progress
//   without one (due by 30/06/2026).
// - 2024-02 (row 6): 15 juillet 2024 + 18 mois → ends 14/01/2026: expired. No comité at all:
//   2024-S2 (in force 170 days of 184), 2025-S1 and 2025-S2 missing; 2026-S1 (14 days) not required.
// - 2025-03 (row 7): 01/01/2025 + 1 an → ends 31/12/2025: expired; comités 12/03/2025 and
//   15/10/2025 cover both semesters.
// - 2024-04 (row 8): #N/A in "Signée le" and #DIV/0! in "Durée (ans)" cannot be read; so the
//   start is missing, and the end (neither end nor duration).
const EXPECTED_ALERTS = [
  { code: "missing_committee", conventionId: "2024-01", period: "2025-S1", date: "2025-06-30", sheet: SHEET, row: 4 },
  { code: "committee_due", conventionId: "2024-01", period: "2026-S1", date: "2026-06-30", sheet: SHEET, row: 4 },
  { code: "expired", conventionId: "2024-02", date: "2026-01-14", field: "end", sheet: SHEET, row: 6 },
  { code: "missing_committee", conventionId: "2024-02", period: "2024-S2", date: "2024-12-31", sheet: SHEET, row: 6 },
  { code: "missing_committee", conventionId: "2024-02", period: "2025-S1", date: "2025-06-30", sheet: SHEET, row: 6 },
  { code: "missing_committee", conventionId: "2024-02", period: "2025-S2", date: "2025-12-31", sheet: SHEET, row: 6 },
  { code: "expired", conventionId: "2025-03", date: "2025-12-31", field: "end", sheet: SHEET, row: 7 },
  { code: "invalid_value", conventionId: "2024-04", field: "start", sheet: SHEET, row: 8, column: "D" },
  { code: "invalid_value", conventionId: "2024-04", field: "duration", sheet: SHEET, row: 8, column: "E" },
  { code: "missing_date", conventionId: "2024-04", field: "start", sheet: SHEET, row: 8, column: "D" },
  { code: "missing_date", conventionId: "2024-04", field: "end", sheet: SHEET, row: 8 },
];

describe("registre verifier --json", () => {
  test("one JSON object: asOf, the mapping found, each convention's summary, the alerts by convention (late first)", async () => {
    const result = await run("verifier", register, "--date", "2026-03-01", "--json");
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["asOf", "mapping", "conventions", "alerts"]);
    expect(report.asOf).toBe("2026-03-01");
    expect(report.mapping).toEqual({
      conventions: {
        sheet: SHEET,
        headerRow: 3,
        origin: "detected",
        columns: {
          partner: { column: "A", header: "Organisme" },
          id: { column: "B", header: "Réf." },
          title: { column: "C", header: "Objet" },
          start: { column: "D", header: "Signée le" },
          duration: { column: "E", header: "Durée (ans)", unit: "years" },
          amount: { column: "J", header: "Montant" },
        },
        inlineCommittees: [
          { column: "G", header: "Comité 1", type: "steering" },
          { column: "H", header: "Comité 2", type: "steering" },
          { column: "I", header: "Comité S1 2025", type: "steering" },
        ],
        ignored: [{ column: "F", header: "Chargé de suivi" }],
      },
      committees: null,
      deadlines: null,
      amendments: null,
    });
    expect(report.conventions).toEqual([
      {
        id: "2024-01",
        title: "Partenariat économie circulaire",
        partner: "Association TEAM2",
        start: "2024-07-15",
        end: "2027-07-14",
        status: "in_force",
        statusLabel: "En cours",
        missingSemesters: ["2025-S1"],
        nextCommitteeDue: "2026-06-30",
      },
      {
        id: "2024-02",
        title: "Étude centre-bourg",
        partner: "Commune de Beuvry",
        start: "2024-07-15",
        end: "2026-01-14",
        status: "expired",
        statusLabel: "Échue",
        missingSemesters: ["2024-S2", "2025-S1", "2025-S2"],
        nextCommitteeDue: null,
      },
      {
        id: "2025-03",
        title: null,
        partner: "Association Rue Libre",
        start: "2025-01-01",
        end: "2025-12-31",
        status: "expired",
        statusLabel: "Échue",
        missingSemesters: [],
        nextCommitteeDue: null,
      },
      {
        id: "2024-04",
        title: null,
        partner: null,
        start: null,
        end: null,
        status: null,
        statusLabel: null,
        missingSemesters: [],
        nextCommitteeDue: null,
      },
    ]);
    expect(report.alerts.map(essentials)).toEqual(EXPECTED_ALERTS);
    expect(report.alerts[0].message).toContain("2025-S1");
    expect(report.alerts[7].message).toContain("#N/A");
  });

  test("without --date the check is at today (given by the caller); --date also reads JJ/MM/AAAA", async () => {
    expect(FIXED_TODAY).toEqual({ year: 2026, month: 3, day: 1 });
    const today = JSON.parse((await run("verifier", register, "--json")).stdout);
    const french = JSON.parse((await run("verifier", "--json", "--date=01/03/2026", register)).stdout);
    const iso = JSON.parse((await run("verifier", register, "--json", "--date", "2026-03-01")).stdout);
    expect(today).toEqual(iso);
    expect(french).toEqual(iso);
  });

  test("another date, other alerts: on 15/07/2024 the first two conventions start, nothing is late yet", async () => {
    const report = JSON.parse((await run("verifier", register, "--json", "--date", "2024-07-15")).stdout);
    expect(report.conventions.map((c: { status: string | null }) => c.status)).toEqual(["in_force", "in_force", "upcoming", null]);
    // 2024-S2 is in progress for both (due by 31/12/2024); 2025-03 has not started.
    expect(report.alerts.filter((a: { code: string }) => a.code !== "invalid_value" && a.code !== "missing_date").map(essentials)).toEqual([
      { code: "committee_due", conventionId: "2024-01", period: "2024-S2", date: "2024-12-31", sheet: SHEET, row: 4 },
      { code: "committee_due", conventionId: "2024-02", period: "2024-S2", date: "2024-12-31", sheet: SHEET, row: 6 },
    ]);
  });
});

describe("registre verifier (for a person)", () => {
  test("heading, mapping, findings grouped by convention with their cells, late first, then the count per code", async () => {
    const result = await run("verifier", register, "--date", "2026-03-01");
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    const lines = result.out;
    expect(lines[0]).toBe(`Registre « ${register} » — vérification au 01/03/2026`);
    expect(lines).toContain("  Conventions : feuille « Suivi 2024 (copie) », en-têtes en ligne 3");
    expect(lines).toContain("    Référence ← « Réf. » (colonne B)");
    expect(lines).toContain("    Partenaire ← « Organisme » (colonne A)");
    expect(lines).toContain("    Date de notification ← « Signée le » (colonne D)");
    expect(lines).toContain("    Durée ← « Durée (ans) » (colonne E, en années)");
    expect(lines).toContain("    Colonnes à leur nom : Montant (J)");
    expect(lines).toContain(
      "    Comités en colonnes : « Comité 1 » (G, comité de suivi), « Comité 2 » (H, comité de suivi), « Comité S1 2025 » (I, comité de suivi)",
    );
    expect(lines).toContain("    En-têtes ignorés : « Chargé de suivi » (F)");
    expect(lines).toContain("  Comités : aucune feuille reconnue");
    expect(lines).toContain("Constats par convention (4 conventions, 11 constats)");

    const heading = lines.indexOf("2024-01 — Partenariat économie circulaire — Association TEAM2 — En cours — fin le 14/07/2027");
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toMatch(/^ {2}!! EN RETARD +.*2025-S1.*\[Suivi 2024 \(copie\), ligne 4\]$/);
    expect(lines[heading + 2]).toMatch(/^ {2}! {2}À PRÉVOIR +.*30\/06\/2026/);
    expect(lines).toContain("2024-02 — Étude centre-bourg — Commune de Beuvry — Échue — fin le 14/01/2026");
    expect(lines).toContain("2024-04 — (sans intitulé) — (partenaire non renseigné) — statut inconnu — fin inconnue");
    const unreadable = lines.find((l) => l.includes("#N/A"));
    expect(unreadable).toMatch(/^ {2}\? {2}À CORRIGER .*\['Suivi 2024 \(copie\)'!D8\]$/);

    const summary = lines.indexOf("Récapitulatif");
    expect(lines.slice(summary + 1)).toEqual([
      "  Conventions échues (expired) : 2",
      "  Comités de suivi manquants (missing_committee) : 4",
      "  Comités de suivi à tenir ce semestre (committee_due) : 1",
      "  Valeurs illisibles (invalid_value) : 2",
      "  Dates manquantes (missing_date) : 2",
      "  Total : 11 constats",
    ]);
  });

  test("the workbook checked is never written to", async () => {
    const before = fingerprint(register);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await run("verifier", register, "--date", "2026-03-01")).code).toBe(0);
    expect((await run("verifier", register, "--json")).code).toBe(0);
    expect(fingerprint(register)).toEqual(before);
  });
});

describe("registre verifier --colonnes", () => {
  let suivi: string;
  beforeAll(async () => {
    suivi = await writeXlsx(join(temp.dir, "colonnes.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Suivi");
      ws.addRow(["Code interne", "Bénéficiaire", "Démarrage le", "Durée"]);
      ws.addRow(["X-1", "Association TEAM2", "15/07/2024", "3 ans"]);
    });
  });
  const mappingFile = (name: string, content: string): string => {
    const path = join(temp.dir, name);
    writeFileSync(path, content, "utf8");
    return path;
  };

  test("headers that cannot be guessed: exit 2 naming what is missing; a mapping file names them", async () => {
    const guessed = await run("verifier", suivi, "--date", "2026-03-01");
    expect(guessed.code).toBe(2);
    expect(guessed.out).toEqual([]);
    expect(guessed.err[0]).toBe(`Le classeur « ${suivi} » ne peut pas être lu comme un registre de conventions :`);
    expect(guessed.err.slice(1).every((l) => l.startsWith("  - "))).toBe(true);

    const file = mappingFile(
      "correspondance.json",
      '\uFEFF{ "conventions": { "feuille": "Suivi", "ligne": 1, "colonnes": { "Référence": "Code interne", "Date de notification": "C" } } }',
    );
    const result = await run("verifier", suivi, "--date", "2026-03-01", "--colonnes", file, "--json");
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.mapping.conventions).toMatchObject({
      sheet: "Suivi",
      headerRow: 1,
      origin: "explicit",
      columns: { id: { column: "A", header: "Code interne" }, start: { column: "C", header: "Démarrage le" }, partner: { column: "B", header: "Bénéficiaire" } },
    });
    expect(report.conventions[0]).toMatchObject({ id: "X-1", start: "2024-07-15", end: "2027-07-14", status: "in_force" });
    // 15/07/2024 → 01/03/2026, no comité: 2024-S2 and 2025-S1 and 2025-S2 missing, 2026-S1 due.
    expect(report.alerts.map((a: { code: string; period?: string }) => `${a.code} ${a.period}`)).toEqual([
      "missing_committee 2024-S2",
      "missing_committee 2025-S1",
      "missing_committee 2025-S2",
      "committee_due 2026-S1",
    ]);
    const human = await run("verifier", suivi, "--date", "2026-03-01", "--colonnes", file);
    expect(human.out).toContain("  Conventions : feuille « Suivi », en-têtes en ligne 1 (d'après le fichier de correspondance)");
    expect(human.out).toContain("    Référence ← « Code interne » (colonne A)");
  });

  test.each([
    ["a sheet the workbook does not have", '{ "conventions": { "feuille": "Absente" } }'],
    ["a key that is not one", '{ "conventions": { "feuile": "Suivi" } }'],
    ["a table that is not one", '{ "budget": { "feuille": "Suivi" } }'],
    ["a column the sheet does not have", '{ "conventions": { "feuille": "Suivi", "colonnes": { "Référence": "Numéro" } } }'],
  ])("a mapping file naming %s: exit 2 with the reason", async (_name, content) => {
    const file = mappingFile("mauvais.json", content);
    const result = await run("verifier", suivi, "--colonnes", file);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toBe(`Le fichier de correspondance des colonnes « ${file} » ne peut pas être appliqué :`);
    expect(result.err.length).toBeGreaterThan(1);
  });

  test("a mapping file that is not JSON, or not there: exit 2", async () => {
    const notJson = mappingFile("pas-du-json.json", "conventions: Suivi");
    const bad = await run("verifier", suivi, "--colonnes", notJson);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`« ${notJson} » n'est pas du JSON valable`);
    // Where JSON.parse stopped, in French; never its English message.
    expect(bad.stderr).toMatch(/\((texte inattendu au caractère \d+|le texte n.est pas du JSON)\)/);
    expect(bad.stderr).not.toMatch(/Unexpected|token|position/);
    const missing = await run("verifier", suivi, "--colonnes", join(temp.dir, "absent.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("n'existe pas");
  });
});

describe("registre verifier: unusable input is exit 2 with the reason in French", () => {
  test("a file of random bytes, a text file renamed .xlsx, a missing file, a folder", async () => {
    const random = join(temp.dir, "hasard.xlsx");
    writeFileSync(random, Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31 + 7) % 256)));
    const renamed = join(temp.dir, "export.xlsx");
    writeFileSync(renamed, "Référence;Partenaire\r\nC1;TEAM2\r\n", "latin1");
    for (const [path, reason] of [
      [random, `Le fichier « ${random} » n'est pas un classeur Excel .xlsx`],
      [renamed, `Le fichier « ${renamed} » n'est pas un classeur Excel .xlsx`],
      [join(temp.dir, "absent.xlsx"), `Le fichier « ${join(temp.dir, "absent.xlsx")} » n'existe pas.`],
    ]) {
      const result = await run("verifier", path, "--json");
      expect(result.code).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.stderr).toContain(reason);
    }
    // A folder is no longer refused: its registers are checked one by one (tests/cli/folder.test.ts),
    // these two reported unreadable with the same reasons.
    const folder = JSON.parse((await run("verifier", temp.dir, "--json")).stdout) as { folder: string; registers: { file: string; error?: { message: string } }[] };
    expect(folder.folder).toBe(temp.dir);
    expect(folder.registers.find((r) => r.file === "hasard.xlsx")?.error?.message).toContain(`Le fichier « ${random} » n'est pas un classeur Excel .xlsx`);
    expect(folder.registers.find((r) => r.file === "export.xlsx")?.error?.message).toContain(`Le fichier « ${renamed} » n'est pas un classeur Excel .xlsx`);
  });

  test("a workbook with no conventions sheet, an empty workbook, a conventions sheet without its start column", async () => {
    const budget = await writeXlsx(join(temp.dir, "budget.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Budget");
      ws.addRow(["Ligne budgétaire", "Exercice", "Crédits ouverts"]);
      ws.addRow(["6574 — Subventions", 2025, 150000]);
    });
    const empty = await writeXlsx(join(temp.dir, "vide.xlsx"), (wb) => {
      wb.addWorksheet("Feuil1");
      wb.addWorksheet("Feuil2");
    });
    const noSheet = await writeXlsx(join(temp.dir, "sans-feuille.xlsx"), () => undefined);
    const noStart = await writeXlsx(join(temp.dir, "sans-debut.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Conventions");
      ws.addRow(["Référence", "Partenaire", "Durée", "Date de fin"]);
      ws.addRow(["C1", "TEAM2", "3 ans", "14/07/2027"]);
    });
    for (const path of [budget, empty, noSheet, noStart]) {
      const result = await run("verifier", path);
      expect(result.code).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err[0]).toBe(`Le classeur « ${path} » ne peut pas être lu comme un registre de conventions :`);
      expect(result.err.length).toBeGreaterThan(1);
    }
    expect((await run("verifier", noStart)).stderr).toContain("Date de notification");
  });

  test.each([
    [["verifier"], "Indiquez le classeur du registre : registre verifier REGISTRE.xlsx."],
    [["rapport", "--annee", "2025"], "Indiquez le classeur du registre : registre rapport REGISTRE.xlsx."],
    [["verifier", "a.xlsx", "b.xlsx"], "Argument en trop : « b.xlsx »"],
    [["verifier", "a.xlsx", "--jsn"], "Option inconnue pour « verifier » : --jsn."],
    [["verifier", "a.xlsx", "--date"], "L'option --date attend une valeur."],
    [["verifier", "a.xlsx", "--date", "2026-02-30"], "Option --date : Date de référence : « 2026-02-30 » n'existe pas dans le calendrier."],
    [["verifier", "a.xlsx", "--date", "demain"], "Option --date : Date de référence : « demain » n'est pas une date reconnue"],
    // Excel's dates run from 01/01/1900 to 31/12/9999 (issue 18).
    [["verifier", "a.xlsx", "--date", "0000-01-01"], "Option --date : Date de référence : « 0000-01-01 » est hors des dates qu'Excel sait afficher (du 01/01/1900 au 31/12/9999)."],
    [["verifier", "a.xlsx", "--date", "1899-12-31"], "Option --date : Date de référence : « 1899-12-31 » est hors des dates qu'Excel sait afficher"],
    [["ics", "a.xlsx", "--sortie", "a.ics", "--date", "31/12/1899"], "Option --date : Date de référence : « 31/12/1899 » est hors des dates qu'Excel sait afficher"],
    [["verifier", "a.xlsx", "--json", "--json"], "L'option --json est donnée deux fois."],
    [["demo", "--json"], "Option inconnue pour « demo » : --json."],
    [["verifie", "a.xlsx"], "Commande inconnue : « verifie »"],
  ])("%j", async (argv, reason) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.stderr).toContain(reason);
  });

  test("no argument: the usage on the error output, exit 2; aide and --help: the usage, exit 0", async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.out).toEqual([]);
    expect(none.stderr).toContain("registre verifier REGISTRE.xlsx [--date AAAA-MM-JJ] [--json] [--colonnes correspondance.json]");
    expect(none.stderr).toContain("Indiquez ce qu'il faut faire : verifier, consolider, rapport, comite, importer, ics, demo ou aide.");
    for (const argv of [["aide"], ["--help"], ["-h"], ["verifier", "--help"]]) {
      const help = await run(...argv);
      expect(help.code).toBe(0);
      expect(help.err).toEqual([]);
      expect(help.stdout).toContain("registre demo [FICHIER] [--date AAAA-MM-JJ]");
    }
  });
});
