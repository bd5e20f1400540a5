/**
 * Scoring the extraction against what a careful reader finds, field by field. The rules of
 * comparison, stated once here:
 * - dates: the same day, exactly (ISO text);
 * - numbers (months, euros): the same number, exactly;
 * - identifiers (deliberation number, ACTES identifier, SIRET): the same characters, case and runs
 *   of spaces aside ("DEL 20-86" = "del 20-86");
 * - names (authority, partner, court): the same words once case, accents, spaces, quotes,
 *   apostrophes and punctuation are set aside (a replacement character or "?" splits a word on both
 *   sides alike: "C?ur" is "c ur"); a partner's kind of body in front of its name ("association",
 *   "société anonyme") is not compared, the reader writing the name alone;
 * - titles: the same words in the same order, with some latitude, since a reader writes the title
 *   of a cut or glued text in full: the shorter of the two titles (at least four words, unless both
 *   are shorter) has at least 80 % of its words, in order, in the longer (longest common subsequence).
 * A value the extraction worked out rather than read (note `computed`: the exécutoire date as the
 * later of reception and publication, DOMAIN.md) where the reader wrote none is no reading of the
 * text: it is checked against the same rule applied to the reader's two dates, and counted apart.
 */
import { toIsoDate } from "../../../src/core/dates/calendarDate";
import { DELIBERATION_FIELDS, DeliberationExtraction, DeliberationField } from "../../../src/core/deliberation/extractDeliberation";
import { Extracted } from "../../../src/core/deliberation/extracted";

/** The term's and the comité's parts the reader writes apart. */
const TERM_PARTS = ["termMonths", "termFrom", "termStart", "termEnd"] as const;
export type ScoredField = Exclude<DeliberationField, "term" | "committee"> | (typeof TERM_PARTS)[number] | "committeeMonths";

/** The fields of the reader's JSON, in the order of the report: the extraction's, the term and the comité by their parts. */
export const SCORED_FIELDS: readonly ScoredField[] = DELIBERATION_FIELDS.flatMap((field): ScoredField[] =>
  field === "term" ? [...TERM_PARTS] : field === "committee" ? ["committeeMonths"] : [field],
);
export type FieldValue = string | number | null;

/** A field as the extraction gives it: its value in the reader's terms, and whether it was worked out rather than read. */
export interface Got {
  readonly value: FieldValue;
  readonly computed: boolean;
}

export type Outcome =
  /** The reader found it, the extraction gives the same. */
  | "right"
  /** The reader found it, the extraction gives something else. */
  | "wrong"
  /** The reader found it, the extraction gives nothing. */
  | "missed"
  /** The reader found nothing, the extraction gives a value read from the text. */
  | "invented"
  /** Both give nothing. */
  | "none"
  /** The reader wrote none, the extraction worked one out from two dates, by the rule. */
  | "computed";

const iso = (field: Extracted<{ year: number; month: number; day: number }>): string | null => (field.value === null ? null : toIsoDate(field.value));

/** The extraction in the reader's fields. */
export function extractedFields(x: DeliberationExtraction): Record<ScoredField, Got> {
  const read = (value: FieldValue, field?: Extracted<unknown>): Got => ({ value, computed: field?.notes.some((n) => n.code === "computed") ?? false });
  const term = x.term.value;
  return {
    authority: read(x.authority.value),
    sessionDate: read(iso(x.sessionDate)),
    deliberationNumber: read(x.deliberationNumber.value),
    title: read(x.title.value),
    partner: read(x.partner.value),
    siret: read(x.siret.value),
    transmissionDate: read(iso(x.transmissionDate)),
    publicationDate: read(iso(x.publicationDate)),
    enforceableDate: read(iso(x.enforceableDate), x.enforceableDate),
    signatureDate: read(iso(x.signatureDate)),
    termMonths: read(term?.months ?? null),
    termFrom: read(term?.from ?? null),
    termStart: read(term?.start == null ? null : toIsoDate(term.start)),
    termEnd: read(term?.end == null ? null : toIsoDate(term.end)),
    committeeMonths: read(x.committee.value?.months ?? null),
    amount: read(x.amount.value),
    court: read(x.court.value),
    appealMonths: read(x.appealMonths.value),
    actesId: read(x.actesId.value?.text ?? null),
  };
}

/** Words of a text for comparison: case, accents, quotes, apostrophes and punctuation set aside. */
export function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

const PARTNER_KIND = /^(?:l |la |le )?(?:association|societe anonyme|societe|sa|sas|sarl|scic|scop) /;

/** Length of the longest common subsequence of two lists of words. */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const row = [0];
    for (let j = 0; j < b.length; j += 1) row.push(word === b[j] ? previous[j] + 1 : Math.max(previous[j + 1], row[j]));
    previous = row;
  }
  return previous[b.length];
}

/**
 * The titles rule: the shorter title's words, at least 80 % of them in order in the longer one,
 * and at least four words unless both titles are shorter.
 * @example titlesMatch("Approbation de la convention de partenariat triennale", "CULT approb de la convention de partenariat triennale") // true
 */
export function titlesMatch(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length < 4 && longer.length >= 4) return false;
  return shorter.length > 0 && commonSubsequence(shorter, longer) >= 0.8 * shorter.length;
}

function sameValue(field: ScoredField, expected: string | number, got: string | number): boolean {
  switch (field) {
    case "title":
      return titlesMatch(String(expected), String(got));
    case "authority":
    case "court":
      return words(String(expected)).join(" ") === words(String(got)).join(" ");
    case "partner": {
      const name = (text: string): string => words(text).join(" ").concat(" ").replace(PARTNER_KIND, "").trim();
      return name(String(expected)) === name(String(got));
    }
    case "deliberationNumber":
    case "actesId":
    case "siret":
      return String(expected).toLowerCase().replace(/\s+/g, " ") === String(got).toLowerCase().replace(/\s+/g, " ");
    default:
      return expected === got;
  }
}

/** The later of two ISO dates, or null when either is missing: the exécutoire rule on the reader's dates. */
function laterOf(a: FieldValue, b: FieldValue): string | null {
  return typeof a === "string" && typeof b === "string" ? (a > b ? a : b) : null;
}

/**
 * How one field of one text compares. `reader` gives the reader's other fields, for a computed value.
 */
export function compareField(field: ScoredField, expected: FieldValue, got: Got, reader: Readonly<Record<ScoredField, FieldValue>>): Outcome {
  if (expected === null && got.value === null) return "none";
  if (expected === null && got.computed) {
    return got.value === laterOf(reader.transmissionDate, reader.publicationDate) ? "computed" : "invented";
  }
  if (expected === null) return "invented";
  if (got.value === null) return "missed";
  return sameValue(field, expected, got.value) ? "right" : "wrong";
}

export interface TextScore {
  readonly name: string;
  readonly outcomes: Readonly<Record<ScoredField, Outcome>>;
  readonly expected: Readonly<Record<ScoredField, FieldValue>>;
  readonly got: Readonly<Record<ScoredField, Got>>;
}

/** Counts per field and in all: right, wrong, missed, invented, computed. */
export interface Tally {
  right: number;
  wrong: number;
  missed: number;
  invented: number;
  computed: number;
}

export function tally(scores: readonly TextScore[], field?: ScoredField): Tally {
  const t: Tally = { right: 0, wrong: 0, missed: 0, invented: 0, computed: 0 };
  for (const score of scores) {
    for (const f of field === undefined ? SCORED_FIELDS : [field]) {
      const outcome = score.outcomes[f];
      if (outcome !== "none") t[outcome] += 1;
    }
  }
  return t;
}

/** Share of the fields a reader finds that the extraction gives right. */
export function rightShare(t: Tally): number {
  const found = t.right + t.wrong + t.missed;
  return found === 0 ? 1 : t.right / found;
}

/** The report: one line per field, the totals, then each text's misses with both values. */
export function report(title: string, scores: readonly TextScore[]): string {
  const pad = (text: string | number, n: number): string => String(text).padStart(n);
  const lines = [title, `${"field".padEnd(20)}${pad("found", 7)}${pad("right", 7)}${pad("wrong", 7)}${pad("missed", 8)}${pad("invented", 10)}${pad("computed", 10)}`];
  for (const field of SCORED_FIELDS) {
    const t = tally(scores, field);
    lines.push(`${field.padEnd(20)}${pad(t.right + t.wrong + t.missed, 7)}${pad(t.right, 7)}${pad(t.wrong, 7)}${pad(t.missed, 8)}${pad(t.invented, 10)}${pad(t.computed, 10)}`);
  }
  const all = tally(scores);
  lines.push(
    `${"all".padEnd(20)}${pad(all.right + all.wrong + all.missed, 7)}${pad(all.right, 7)}${pad(all.wrong, 7)}${pad(all.missed, 8)}${pad(all.invented, 10)}${pad(all.computed, 10)}`,
    `right: ${(100 * rightShare(all)).toFixed(1)} % of the ${all.right + all.wrong + all.missed} fields a reader finds, in ${scores.length} texts; invented: ${all.invented}`,
    "",
  );
  for (const score of scores) {
    const off = SCORED_FIELDS.filter((f) => !["right", "none", "computed"].includes(score.outcomes[f]));
    for (const f of off) {
      lines.push(`  ${score.name} · ${f}: ${score.outcomes[f]} — reader ${JSON.stringify(score.expected[f])}, extraction ${JSON.stringify(score.got[f].value)}`);
    }
  }
  return lines.join("\n");
}
