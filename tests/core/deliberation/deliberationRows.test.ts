import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deliberationRows, suggestReference } from "../../../src/core/deliberation/deliberationRows";
import { extractDeliberation } from "../../../src/core/deliberation/extractDeliberation";
import { readField, tableFields } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "deliberations");
const extract = (file: string) => extractDeliberation(readFileSync(join(FIXTURES, file), "utf8"));

describe("deliberationRows", () => {
  it("turns the TEAM2 deliberation into its convention row and three échéances (serials worked out by hand)", () => {
    const extraction = extract("deliberation-team2-2024.md");
    expect(suggestReference(extraction)).toBe("TEAM2-2024");
    const rows = deliberationRows(extraction, { reference: "TEAM2-2024" });
    // 45468 = 25/06/2024, 45484 = 11/07/2024, 45485 = 12/07/2024 (Excel's 1900 system).
    expect(rows.conventions).toEqual({
      id: "TEAM2-2024",
      title: "Convention de partenariat entre l'Agglomération Béthune Bruay et l'association pôle TEAM2",
      partner: "Association TEAM2",
      siret: "52882726400029",
      deliberationNumber: null,
      deliberationDate: 45468,
      transmissionDate: 45484,
      publicationDate: 45485,
      enforceableDate: 45485,
      // "à compter de sa notification": unknown until notified.
      start: null,
      duration: 36,
      end: null,
      noticeMonths: null,
      amount: 0,
      notes: null,
      // A deliberation does not name the service that follows the convention.
      service: null,
    });
    const blank = { delayMonths: null, frequencyMonths: null, dueDate: null, doneOn: null };
    expect(rows.deadlines).toEqual([
      { ...blank, conventionId: "TEAM2-2024", label: "Comité de suivi", kind: "Récurrente", frequencyMonths: 6 },
      { ...blank, conventionId: "TEAM2-2024", label: "Club territorial", kind: "Récurrente", frequencyMonths: 3 },
      { ...blank, conventionId: "TEAM2-2024", label: "Pôle innovation", kind: "Jalon", delayMonths: 18 },
    ]);
  });

  it("gives every column of each table, and values each column reads back", () => {
    const rows = deliberationRows(extract("commune-beuvry-2021.txt"), { reference: "X" });
    expect(Object.keys(rows.conventions)).toEqual(tableFields("conventions").map((f) => f.key));
    expect(readField("conventions", "start", rows.conventions.start)).toEqual({ ok: true, value: d("2021-03-01") });
    expect(readField("conventions", "siret", rows.conventions.siret)).toEqual({ ok: true, value: "44185293700016" });
    expect(readField("conventions", "duration", rows.conventions.duration)).toEqual({ ok: true, value: 36 });
    for (const row of rows.deadlines) {
      expect(Object.keys(row)).toEqual(tableFields("deadlines").map((f) => f.key));
      for (const field of tableFields("deadlines")) expect(readField("deadlines", field.key, row[field.key]).ok).toBe(true);
    }
    expect(rows.deadlines.map((r) => [r.label, r.kind, r.frequencyMonths, r.dueDate])).toEqual([
      ["Comité de suivi", "Récurrente", 12, null],
      ["Bilan d'activité", "Récurrente", 12, null],
      // 44469 = 30/09/2021.
      ["Premier bilan intermédiaire", "Jalon", null, 44469],
    ]);
  });

  it("starts the term on the signature when it counts from it, never on the notification", () => {
    const rows = deliberationRows(extract("cc-pays-de-lumbres-2023.txt"), { reference: "OT-2023" });
    // 15/03/2023, the day of "Fait à Lumbres, le 15 mars 2023", is serial 45000.
    expect(rows.conventions.start).toBe(45000);
    expect(rows.conventions.siret).toBeNull();
  });

  it("writes the term's dates and the duration in years under a 'Durée (ans)' column", () => {
    const nord = extract("departement-nord-2020.txt");
    const rows = deliberationRows(nord, { reference: "CS-2021", durationUnit: "years" });
    expect(rows.conventions.duration).toBe(3);
    // 01/01/2021 = 44197, 31/12/2023 = 45291.
    expect([rows.conventions.start, rows.conventions.end]).toEqual([44197, 45291]);
    const slb = deliberationRows(extract("commune-saint-laurent-blangy-2022.txt"), { reference: "A", durationUnit: "years" });
    expect(slb.conventions.duration).toBe("dix-huit mois");
    expect(readField("conventions", "duration", slb.conventions.duration, "years")).toEqual({ ok: true, value: 18 });
  });

  it("leaves out of the échéances a rhythm the check cannot follow (every 4 months)", () => {
    const rows = deliberationRows(extract("metropole-lille-2024.md"), { reference: "MEL" });
    expect(rows.deadlines.map((r) => r.label)).toEqual(["Point d'étape", "Étude de faisabilité du déploiement"]);
  });
});

describe("suggestReference", () => {
  it("takes the partner's name without its kind and the year of the séance", () => {
    expect(suggestReference(extract("commune-beuvry-2021.txt"))).toBe("JARDINS-COCAGNE-2021");
    expect(suggestReference(extract("departement-nord-2020.txt"))).toBe("GEORGES-BRASSENS-2020");
    expect(suggestReference(extract("cc-pays-de-lumbres-2023.txt"))).toBe("PAYS-LUMBRES-2023");
    expect(suggestReference(extract("commune-saint-laurent-blangy-2022.txt"))).toBe("ATHIES-2022");
  });
});
