import { headerKey } from "../../../src/core/register/headerKey";
import { TABLE_KEYS, TABLES, fieldSpec, readField, tableFields } from "../../../src/core/register/registerSchema";
import { d } from "../../helpers/dates";

describe("the register's schema, single source of the tables' columns", () => {
  test("the four tables hold the columns the issue lists, in order, with French headers", () => {
    expect(tableFields("conventions").map((f) => f.label)).toEqual([
      "Référence",
      "Intitulé",
      "Partenaire",
      "SIRET",
      "N° délibération",
      "Date délibération",
      "Date transmission préfecture",
      "Date publication",
      "Date exécutoire",
      "Date de notification",
      "Durée",
      "Date de fin",
      "Préavis (mois)",
      "Montant",
      "Observations",
      "Service",
    ]);
    expect(tableFields("committees").map((f) => f.label)).toEqual(["Référence convention", "Date", "Type", "Compte rendu", "Participants"]);
    expect(tableFields("deadlines").map((f) => f.label)).toEqual([
      "Référence convention",
      "Libellé",
      "Type",
      "Délai (mois)",
      "Fréquence (mois)",
      "Date limite",
      "Réalisé le",
    ]);
    expect(tableFields("amendments").map((f) => f.label)).toEqual([
      "Référence convention",
      "N°",
      "Date",
      "Objet",
      "Nouvelle durée",
      "Nouvelle date de fin",
    ]);
  });

  test.each(TABLE_KEYS)("%s: no two columns answer to the same header", (table) => {
    const owner = new Map<string, string>();
    for (const field of tableFields(table)) {
      for (const name of [field.label, ...field.synonyms]) {
        const key = headerKey(name).key;
        expect(key).not.toBe("");
        const previous = owner.get(key);
        if (previous !== undefined) expect(`${name} → ${previous}`).toBe(`${name} → ${field.key}`);
        owner.set(key, field.key);
      }
    }
  });

  test("the required columns are the reference and the dates without which nothing can be checked", () => {
    const required = Object.fromEntries(TABLE_KEYS.map((t) => [t, tableFields(t).filter((f) => f.required).map((f) => f.key)]));
    expect(required).toEqual({
      conventions: ["id", "start"],
      committees: ["conventionId", "date"],
      deadlines: ["conventionId", "label"],
      amendments: ["conventionId", "date"],
    });
  });

  test("Excel table names are valid Excel names (letters only, no spaces or accents)", () => {
    for (const t of TABLE_KEYS) expect(TABLES[t].tableName).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});

describe("readField: one cell through its column's zod schema", () => {
  test("dates as serials, French text or ISO; blank is null", () => {
    expect(readField("conventions", "start", 45488)).toEqual({ ok: true, value: d("2024-07-15") });
    expect(readField("conventions", "start", "15 juillet 2024")).toEqual({ ok: true, value: d("2024-07-15") });
    expect(readField("conventions", "start", "15/07/2024")).toEqual({ ok: true, value: d("2024-07-15") });
    expect(readField("conventions", "start", "  ")).toEqual({ ok: true, value: null });
    expect(readField("conventions", "start", null)).toEqual({ ok: true, value: null });
  });

  test("a cell that is not a date says so with the column's French label and the text read", () => {
    expect(readField("conventions", "start", "31/02/2025")).toEqual({
      ok: false,
      error: { code: "impossible_date", value: "31/02/2025", field: "Date de notification" },
    });
    expect(readField("committees", "date", "bientôt")).toMatchObject({ ok: false, error: { code: "invalid_date", value: "bientôt", field: "Date" } });
    expect(readField("conventions", "end", "12/07/1899")).toMatchObject({ ok: false, error: { code: "date_out_of_range" } });
    expect(readField("conventions", "end", true)).toMatchObject({ ok: false, error: { code: "invalid_type", value: true } });
    expect(readField("conventions", "end", { error: "#N/A" })).toMatchObject({ ok: false, error: { code: "invalid_type" } });
  });

  test("durations: months, French text, or years under a header that says years", () => {
    expect(readField("conventions", "duration", 36)).toEqual({ ok: true, value: 36 });
    expect(readField("conventions", "duration", "trois (3) ans")).toEqual({ ok: true, value: 36 });
    expect(readField("conventions", "duration", 3, "years")).toEqual({ ok: true, value: 36 });
    expect(readField("conventions", "duration", "2", "years")).toEqual({ ok: true, value: 24 });
    expect(readField("conventions", "duration", "18 mois", "years")).toEqual({ ok: true, value: 18 });
    expect(readField("conventions", "duration", 1.5, "years")).toEqual({ ok: true, value: 18 });
    expect(readField("conventions", "duration", "3 ans et demi")).toMatchObject({
      ok: false,
      error: { code: "invalid_duration", value: "3 ans et demi", notUnderstood: "demi", field: "Durée" },
    });
    expect(readField("conventions", "duration", 0)).toMatchObject({ ok: false, error: { code: "invalid_duration" } });
  });

  test("text stays text, numbers become their digits, booleans are not text", () => {
    expect(readField("conventions", "title", "=1+1")).toEqual({ ok: true, value: "=1+1" });
    expect(readField("conventions", "id", 2024)).toEqual({ ok: true, value: "2024" });
    expect(readField("conventions", "title", " Partenariat TEAM2 ")).toEqual({ ok: true, value: "Partenariat TEAM2" });
    expect(readField("conventions", "title", false)).toMatchObject({ ok: false, error: { code: "invalid_type" } });
  });

  test("amounts in euros, French style", () => {
    expect(readField("conventions", "amount", 15000)).toEqual({ ok: true, value: 15000 });
    expect(readField("conventions", "amount", "15 000 €")).toEqual({ ok: true, value: 15000 });
    expect(readField("conventions", "amount", "1\u202f500,5 €")).toEqual({ ok: true, value: 1500.5 });
    expect(readField("conventions", "amount", "1.500,50")).toEqual({ ok: true, value: 1500.5 });
    expect(readField("conventions", "amount", "Néant")).toEqual({ ok: true, value: 0 });
    expect(readField("conventions", "amount", "sans engagement financier")).toEqual({ ok: true, value: 0 });
    expect(readField("conventions", "amount", "beaucoup")).toMatchObject({ ok: false, error: { code: "invalid_amount", field: "Montant" } });
    expect(readField("conventions", "amount", "15,000.00")).toMatchObject({ ok: false, error: { code: "invalid_amount" } });
  });

  test("SIRET: 14 digits with a right Luhn key (TEAM2's is right), La Poste's digit-sum rule", () => {
    expect(readField("conventions", "siret", "528 827 264 000 29")).toEqual({ ok: true, value: "52882726400029" });
    expect(readField("conventions", "siret", 52882726400029)).toEqual({ ok: true, value: "52882726400029" });
    expect(readField("conventions", "siret", "528 827 264 000 28")).toMatchObject({ ok: false, error: { code: "invalid_siret", problem: "key" } });
    expect(readField("conventions", "siret", "528 827 264")).toMatchObject({ ok: false, error: { code: "invalid_siret", problem: "length" } });
    // La Poste (SIREN 356 000 000): its head office passes Luhn; its other establishments may
    // instead have digits adding up to a multiple of 5 (3+5+6+1+5 = 20), which only La Poste may.
    expect(readField("conventions", "siret", "35600000000048")).toEqual({ ok: true, value: "35600000000048" });
    expect(readField("conventions", "siret", "35600000000015")).toEqual({ ok: true, value: "35600000000015" });
    expect(readField("conventions", "siret", "35600000000016")).toMatchObject({ ok: false, error: { code: "invalid_siret" } });
    expect(readField("conventions", "siret", "12300000000015")).toMatchObject({ ok: false, error: { code: "invalid_siret" } });
  });

  test("notice months: whole months from 0; choices in staff's words", () => {
    expect(readField("conventions", "noticeMonths", 0)).toEqual({ ok: true, value: 0 });
    expect(readField("conventions", "noticeMonths", "6")).toEqual({ ok: true, value: 6 });
    expect(readField("conventions", "noticeMonths", 2.5)).toMatchObject({ ok: false, error: { code: "invalid_integer" } });
    expect(readField("committees", "type", "Comité de suivi")).toEqual({ ok: true, value: "steering" });
    expect(readField("committees", "type", "CLUB-TERRITORIAL")).toEqual({ ok: true, value: "club" });
    expect(readField("committees", "type", "autre")).toEqual({ ok: true, value: "other" });
    expect(readField("committees", "type", "assemblée")).toMatchObject({ ok: false, error: { code: "invalid_option", field: "Type" } });
    expect(readField("deadlines", "kind", "Jalon")).toEqual({ ok: true, value: "milestone" });
    expect(readField("deadlines", "kind", "récurrente")).toEqual({ ok: true, value: "recurring" });
    expect(fieldSpec("deadlines", "kind")?.kind).toBe("deadlineKind");
  });
});
