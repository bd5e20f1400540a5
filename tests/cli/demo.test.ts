/**
 * The demo register: the TEAM2 convention with its real dates, and made-up conventions placed
 * around asOf so that every finding code shows up whatever the day (see src/cli/demoRegister.ts).
 */
import { loose } from "../helpers/findings";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { DemoRegister, demoRegister } from "../../src/cli/demoRegister";
import { DEMO_KEYWORDS } from "../../src/cli/writeDemoWorkbook";
import { addMonthsClamped } from "../../src/core/dates/addMonthsClamped";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { checkRegister } from "../../src/core/check/checkRegister";
import { addDays } from "../../src/core/dates/dayNumber";
import { detectMapping } from "../../src/core/register/detectMapping";
import { dateToSerial } from "../../src/core/dates/excelSerial";
import { FINDING_CODES, Finding } from "../../src/core/check/findings";
import { readRegister } from "../../src/core/register/readRegister";
import { TABLES, TABLE_KEYS, tableFields } from "../../src/core/register/registerSchema";
import { CellValue, SheetGrid } from "../../src/core/cells/sheetGrid";
import { d, iso } from "../helpers/dates";
import { fingerprint, run, tempDir } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

/** The demo's sheets as the writer lays them out (headers on row 1 here), dates as serials. */
function demoGrids(register: DemoRegister): SheetGrid[] {
  return TABLE_KEYS.map((table) => {
    const fields = tableFields(table);
    const rows = register[table].map((row) =>
      fields.map((f): CellValue => {
        const value = row[f.key] ?? null;
        if (value === null || typeof value !== "object") return value;
        const serial = dateToSerial(value);
        if (!serial.ok) throw new Error("date out of range");
        return serial.value;
      }),
    );
    return { name: TABLES[table].label, values: [fields.map((f) => f.label), ...rows] };
  });
}

function checkDemo(asOf: CalendarDate) {
  const grids = demoGrids(demoRegister(asOf));
  const found = detectMapping(grids);
  if (!found.ok) throw new Error(JSON.stringify(found.problems));
  const read = readRegister(grids, found.mapping);
  const checked = checkRegister(read.register, { asOf });
  return { register: read.register, conventions: checked.conventions, findings: [...read.findings, ...checked.findings] };
}

/** "code" or "code:reason" of each finding of a convention, sorted. */
function codesOf(findings: readonly Finding[], id: string): string[] {
  return findings
    .filter((f) => f.conventionId === id)
    .map((f) => (f.code === "inconsistent_dates" ? `${f.code}:${f.reason}` : f.code))
    .sort();
}

// What each made-up convention is built to show, whatever asOf (see the table in demoRegister.ts).
const MADE_UP: Record<string, string[]> = {
  "CP-01": ["committee_due", "missing_committee"],
  "CP-02": ["committee_due"],
  "CP-03": ["expiring"],
  "CP-04": ["expired"],
  "CP-05": [],
  "CP-06": ["milestone_overdue"],
  "CP-07": ["milestone_due"],
  "CP-08": ["obligation_missing"],
  "CP-09": ["missing_date"],
  "CP-10": ["inconsistent_dates:end_differs"],
  "CP-11": ["invalid_value", "invalid_value", "missing_date"],
  "CP-12": [],
  "CP-13": ["inconsistent_dates:committee_outside_term", "inconsistent_dates:publication_before_deliberation"],
  "CP-7": ["invalid_value"],
};

/** Days to check the demo on: a month apart over eight years, plus the awkward ones. */
function sweep(): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = d("2023-01-01"); iso(day) < "2031-01-01"; day = addDays(day, 29)) days.push(day);
  for (const text of ["2024-02-29", "2024-09-29", "2025-01-01", "2025-06-30", "2025-07-01", "2025-12-31", "2026-08-31", "2028-02-29", "2028-03-31"]) {
    days.push(d(text));
  }
  return days;
}

describe("demoRegister", () => {
  test.each(["2026-11-29", "2025-02-28", "2024-12-31", "2027-07-14"])("checked at %s, the demo shows every finding code", (day) => {
    const { findings } = checkDemo(d(day));
    const codes = new Set(findings.map((f) => f.code));
    expect([...FINDING_CODES].filter((code) => !codes.has(code))).toEqual([]);
  });

  test("each made-up convention shows what it is built for, on any day, with no stray finding", () => {
    for (const asOf of sweep()) {
      const { findings, conventions } = checkDemo(asOf);
      for (const [id, expected] of Object.entries(MADE_UP)) {
        expect({ asOf: iso(asOf), id, codes: codesOf(findings, id) }).toEqual({ asOf: iso(asOf), id, codes: expected });
      }
      const status = Object.fromEntries(conventions.map((c) => [c.id, c.status]));
      expect({ asOf: iso(asOf), status: [status["CP-03"], status["CP-04"], status["CP-05"], status["CP-12"]] }).toEqual({
        asOf: iso(asOf),
        status: ["to_renew", "expired", "in_force", "upcoming"],
      });
    }
  });

  test("the avenant of CP-05 carries its end from 2 to 3 years after the start", () => {
    const asOf = d("2026-11-29");
    const cp05 = checkDemo(asOf).conventions.find((c) => c.id === "CP-05");
    // Start 29/09/2024 (26 months before); "2 ans" would end 28/09/2026, "3 ans" by avenant ends 28/09/2027.
    expect(cp05).toMatchObject({ start: d("2024-09-29"), end: d("2027-09-28"), status: "in_force" });
  });

  test("TEAM2 carries the deliberation's real data", () => {
    const { register } = checkDemo(d("2026-11-29"));
    const team2 = register.conventions.find((c) => c.id === "TEAM2-2024");
    expect(team2).toMatchObject({
      partner: "Association TEAM2",
      siret: "52882726400029",
      deliberationDate: d("2024-06-25"),
      transmissionDate: d("2024-07-11"),
      publicationDate: d("2024-07-12"),
      enforceableDate: d("2024-07-12"),
      start: d("2024-07-15"),
      duration: 36,
      end: null,
      amount: 0,
    });
    expect(team2?.notes).toContain("laissée en blanc");
    expect(register.deadlines.filter((x) => x.conventionId === "TEAM2-2024")).toEqual([
      expect.objectContaining({ label: "Club territorial", kind: "recurring", frequencyMonths: 3 }),
      expect.objectContaining({ label: "Pôle innovation", kind: "milestone", delayMonths: 18 }),
    ]);
    // Meetings are only those held by asOf.
    const meetings = (asOf: string) => register.committees.filter((m) => m.conventionId === "TEAM2-2024" && iso(m.date) <= asOf).length;
    expect(checkDemo(d("2024-12-31")).register.committees.filter((m) => m.conventionId === "TEAM2-2024").map((m) => [iso(m.date), m.type])).toEqual([
      ["2024-12-10", "steering"],
      ["2024-10-15", "club"],
    ]);
    expect(meetings("2026-11-29")).toBe(3 + 7);
  });

  test("TEAM2 on 29/11/2026: 2025-S1 without comité, two quarters without club, the pôle innovation late", () => {
    const { findings, conventions } = checkDemo(d("2026-11-29"));
    const team2 = findings.filter((f) => f.conventionId === "TEAM2-2024");
    // Comités de suivi 10/12/2024, 25/11/2025, 16/06/2026: none in 2025-S1; 2026-S2 still to hold.
    // Clubs from 15/10/2024, none in 2025-T3; 2024-T3 (in force from 15/07) had none either.
    // Pôle innovation: 18 months from 15/07/2024 → 14/01/2026, not done.
    expect(team2.map(loose).map((f) => [f.code, f.period?.label ?? f.label, f.date && iso(f.date)])).toEqual([
      ["missing_committee", "2025-S1", "2025-06-30"],
      ["committee_due", "2026-S2", "2026-12-31"],
      ["obligation_missing", "2024-T3", "2024-09-30"],
      ["obligation_missing", "2025-T3", "2025-09-30"],
      ["milestone_overdue", "Pôle innovation", "2026-01-14"],
    ]);
    expect(conventions.find((c) => c.id === "TEAM2-2024")).toMatchObject({ end: d("2027-07-14"), status: "in_force", missingSemesters: ["2025-S1"] });
    // On 14/07/2027, its last day, it is to renew; on 15/01/2027 the notice of 6 months has begun.
    expect(checkDemo(d("2027-07-14")).conventions.find((c) => c.id === "TEAM2-2024")?.status).toBe("to_renew");
    expect(checkDemo(d("2027-01-14")).conventions.find((c) => c.id === "TEAM2-2024")?.status).toBe("in_force");
    expect(checkDemo(d("2027-01-15")).conventions.find((c) => c.id === "TEAM2-2024")?.status).toBe("to_renew");
  });

  test("varied input styles: text dates with slashes and in words, durations in words, an amount in text", () => {
    const demo = demoRegister(d("2026-11-29"));
    const byId = Object.fromEntries(demo.conventions.map((c) => [String(c.id), c]));
    expect(byId["CP-03"].start).toBe("29/02/2024");
    expect(byId["CP-10"].start).toBe("29 avril 2026");
    expect(byId["CP-12"].start).toBe("29 janvier 2027");
    expect(byId["CP-11"].duration).toBe("trois ans et demi");
    expect(byId["CP-04"].amount).toBe("12 500 €");
    expect(demo.committees.some((c) => c.type === null)).toBe(true);
    expect(demo.committees.some((c) => c.date === "31/02/2026")).toBe(true);
    expect(demo.amendments).toHaveLength(2);
    expect(addMonthsClamped(d("2026-11-29"), -33)).toEqual(d("2024-02-29"));
  });
});

describe("registre demo", () => {
  test.each(["2026-11-29", "2025-02-28", "2024-12-31", "2027-07-14"])(
    "writes the workbook, prints its check for %s; verifier --json on the file lists every code",
    async (day) => {
      const file = join(temp.dir, `demo-${day}`, "registre-demo.xlsx");
      const result = await run("demo", file, "--date", day);
      expect(result.err).toEqual([]);
      expect(result.code).toBe(0);
      expect(result.out[0]).toContain(`« ${file} »`);
      expect(result.out).toContain("Tableaux reconnus");
      expect(result.out).toContain("Récapitulatif");
      const [year, month, dayOfMonth] = day.split("-");
      expect(result.out).toContain(`Registre « ${file} » — vérification au ${dayOfMonth}/${month}/${year}`);

      const json = JSON.parse((await run("verifier", file, "--date", day, "--json")).stdout);
      const codes = new Set(json.alerts.map((a: { code: string }) => a.code));
      expect(FINDING_CODES.filter((code) => !codes.has(code))).toEqual([]);
      expect(json.mapping.conventions).toMatchObject({ sheet: "Conventions", headerRow: 4 });
      expect(json.conventions).toHaveLength(14);
      expect(json.conventions[0]).toMatchObject({ id: "TEAM2-2024", start: "2024-07-15", end: "2027-07-14" });
    },
  );

  test("the written file: four sheets with titles, the demo's mark, and it is replaced by the next run", async () => {
    const file = join(temp.dir, "rejoue", "registre-demo.xlsx");
    expect((await run("demo", file, "--date", "2026-11-29")).code).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Conventions", "Comités", "Échéances", "Avenants"]);
    expect(workbook.keywords).toBe(DEMO_KEYWORDS);
    expect(workbook.getWorksheet("Conventions")?.getCell("A1").value).toBe("Registre des conventions de partenariat");
    const before = fingerprint(file);
    expect((await run("demo", file, "--date", "2025-02-28")).code).toBe(0);
    expect(fingerprint(file).sha256).not.toBe(before.sha256);
  });

  test("a file that is not a demo register is never overwritten", async () => {
    const mine = join(temp.dir, "mon-registre.xlsx");
    writeFileSync(mine, "le registre du service, à ne pas écraser");
    const before = fingerprint(mine);
    const result = await run("demo", mine);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Le fichier « ${mine} » existe déjà et n'est pas un registre de démonstration`);
    expect(fingerprint(mine)).toEqual(before);
    expect(existsSync(join(temp.dir, "demo"))).toBe(false);
  });

  test("without --date the demo is placed around today (given by the caller)", async () => {
    const file = join(temp.dir, "aujourdhui.xlsx");
    const result = await run("demo", file);
    expect(result.code).toBe(0);
    expect(result.out[0]).toContain("autour du 01/03/2026");
  });
});
