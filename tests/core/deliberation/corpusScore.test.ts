/**
 * The measured score of the extraction: every real deliberation of
 * tests/fixtures/deliberations/real/ against the fields its reader found (its .json), and the six
 * synthetic texts against theirs (syntheticExpected.ts), field by field with the rules stated in
 * corpusScore.ts. The report is printed, and written to tests/reports/extraction-score.txt
 * (git-ignored). No time is measured here.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toIsoDate } from "../../../src/core/dates/calendarDate";
import { extractDeliberation } from "../../../src/core/deliberation/extractDeliberation";
import {
  FieldValue,
  SCORED_FIELDS,
  ScoredField,
  TextScore,
  compareField,
  extractedFields,
  report,
  rightShare,
  tally,
  titlesMatch,
  words,
} from "./corpusScore";
import { EXPECTED } from "./syntheticExpected";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "deliberations");
const REAL = join(FIXTURES, "real");
const REPORTS = join(__dirname, "..", "..", "reports");

function score(name: string, text: string, expected: Readonly<Record<ScoredField, FieldValue>>): TextScore {
  const got = extractedFields(extractDeliberation(text));
  const outcomes = Object.fromEntries(SCORED_FIELDS.map((f) => [f, compareField(f, expected[f], got[f], expected)])) as Record<ScoredField, ReturnType<typeof compareField>>;
  return { name, outcomes, expected, got };
}

interface ReaderJson {
  readonly fields: Readonly<Record<ScoredField, { readonly value: FieldValue; readonly where: string | null }>>;
}

const realScores: TextScore[] = readdirSync(REAL)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => {
    const json = JSON.parse(readFileSync(join(REAL, file), "utf8")) as ReaderJson;
    const expected = Object.fromEntries(SCORED_FIELDS.map((f) => [f, json.fields[f].value])) as Record<ScoredField, FieldValue>;
    return score(file.replace(/\.json$/, ""), readFileSync(join(REAL, file.replace(/\.json$/, ".txt")), "utf8"), expected);
  });

/** A synthetic text's expected value of a field held as { value, confidence, notes }. */
function valueOf(field: object): unknown {
  return "value" in field ? field.value : null;
}
function isoOf(field: object): string | null {
  const value = valueOf(field);
  return typeof value === "object" && value !== null && "year" in value && "month" in value && "day" in value
    ? toIsoDate(value as { year: number; month: number; day: number })
    : null;
}

const syntheticScores: TextScore[] = Object.entries(EXPECTED).map(([file, e]) => {
  const term = valueOf(e.term) as { months: number | null; from: string | null; start: object | null; end: object | null } | null;
  const committee = valueOf(e.committee) as { months: number } | null;
  const expected: Record<ScoredField, FieldValue> = {
    authority: e.authority.value,
    sessionDate: toIsoDate(e.sessionDate),
    deliberationNumber: e.deliberationNumber,
    title: e.title.value,
    partner: e.partner,
    siret: valueOf(e.siret) as string | null,
    transmissionDate: isoOf(e.transmissionDate),
    publicationDate: isoOf(e.publicationDate),
    enforceableDate: isoOf(e.enforceableDate),
    signatureDate: isoOf(e.signatureDate),
    termMonths: term?.months ?? null,
    termFrom: term?.from ?? null,
    termStart: term?.start == null ? null : isoOf({ value: term.start }),
    termEnd: term?.end == null ? null : isoOf({ value: term.end }),
    committeeMonths: committee?.months ?? null,
    amount: valueOf(e.amount) as number | null,
    court: e.court,
    appealMonths: e.appealMonths,
    actesId: null,
  };
  return score(file, readFileSync(join(FIXTURES, file), "utf8"), expected);
});

describe("the extraction's score", () => {
  const realReport = report("Real deliberations (tests/fixtures/deliberations/real/)", realScores);
  const syntheticReport = report("Synthetic deliberations (tests/fixtures/deliberations/)", syntheticScores);

  beforeAll(() => {
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(join(REPORTS, "extraction-score.txt"), `${realReport}\n\n${syntheticReport}\n`);
    console.log(`${realReport}\n\n${syntheticReport}`);
  });

  it("reads every real text the corpus holds", () => {
    expect(realScores.length).toBeGreaterThanOrEqual(25);
  });

  it("holds, for each real text, every field, each found value with its passage quoted verbatim from the text", () => {
    for (const file of readdirSync(REAL).filter((f) => f.endsWith(".json"))) {
      const json = JSON.parse(readFileSync(join(REAL, file), "utf8")) as ReaderJson & { source: string };
      const text = readFileSync(join(REAL, file.replace(/\.json$/, ".txt")), "utf8");
      expect(json.source).toMatch(/^https?:\/\//);
      expect(Object.keys(json.fields).sort()).toEqual([...SCORED_FIELDS].sort());
      for (const field of SCORED_FIELDS) {
        const { value, where } = json.fields[field];
        expect([file, field, value === null]).toEqual([file, field, where === null]);
        if (where !== null) expect([file, field, text.includes(where)]).toEqual([file, field, true]);
        if (typeof value === "string" && /Date$|termStart|termEnd/.test(field)) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("gets at least 90 % of the fields a reader finds in the real texts right, and invents none", () => {
    const all = tally(realScores);
    expect(all.invented).toBe(0);
    expect(rightShare(all)).toBeGreaterThanOrEqual(0.9);
  });

  it("gets at least 95 % of the synthetic texts' fields right, and invents none", () => {
    const all = tally(syntheticScores);
    expect(all.invented).toBe(0);
    expect(rightShare(all)).toBeGreaterThanOrEqual(0.95);
  });

  it("checks each value worked out from two dates against the rule on the reader's dates", () => {
    for (const s of [...realScores, ...syntheticScores]) {
      for (const field of SCORED_FIELDS) {
        if (s.outcomes[field] === "computed") expect(field).toBe("enforceableDate");
      }
    }
  });
});

describe("the comparison rules", () => {
  const reader = Object.fromEntries(SCORED_FIELDS.map((f) => [f, null])) as Record<ScoredField, FieldValue>;
  const got = (value: FieldValue, computed = false) => ({ value, computed });

  it("sets case, accents, quotes and punctuation aside in names", () => {
    expect(words("Communauté d’Agglomération (C.O.V.E.)")).toEqual(["communaute", "d", "agglomeration", "c", "o", "v", "e"]);
    expect(compareField("authority", "Région Île-de-France", got("Région Ile de France"), reader)).toBe("right");
    expect(compareField("authority", "Ville de Paris", got("Ville de Lyon"), reader)).toBe("wrong");
    expect(compareField("partner", "Cultures du C?ur", got("Association Cultures du C?ur"), reader)).toBe("right");
    expect(compareField("partner", "Unis Cité", got("Association Unis"), reader)).toBe("wrong");
  });

  it("compares titles word for word with some latitude, never two different objects", () => {
    expect(titlesMatch("Approbation de la convention de partenariat triennale", "CULT approb de la convention de partenariat triennale")).toBe(true);
    expect(titlesMatch("Avenant à la convention avec l'ASP (convention de gestion)", "avenant à la convention avec l'ASP")).toBe(true);
    expect(titlesMatch("Subventions de fonctionnement à des associations sportives", "Convention de partenariat avec le club")).toBe(false);
    expect(titlesMatch("Convention avec le club de football", "Convention")).toBe(false);
  });

  it("counts a value where the reader found none as invented, and a missing one as missed", () => {
    expect(compareField("sessionDate", null, got("2024-06-25"), reader)).toBe("invented");
    expect(compareField("sessionDate", "2024-06-25", got(null), reader)).toBe("missed");
    expect(compareField("amount", 7000, got(7000), reader)).toBe("right");
    expect(compareField("amount", 7000, got(700), reader)).toBe("wrong");
  });

  it("accepts a computed exécutoire date only when it is the later of the reader's two dates", () => {
    const dates = { ...reader, transmissionDate: "2019-12-20", publicationDate: "2019-12-18" };
    expect(compareField("enforceableDate", null, got("2019-12-20", true), dates)).toBe("computed");
    expect(compareField("enforceableDate", null, got("2019-12-18", true), dates)).toBe("invented");
    expect(compareField("enforceableDate", null, got("2019-12-20", true), reader)).toBe("invented");
  });
});
