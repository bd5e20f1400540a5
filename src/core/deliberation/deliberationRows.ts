/**
 * From a reviewed extraction to the rows the pane appends to the register: one row of the
 * conventions table and the rows of the échéances table, keyed by the schema's field keys, with
 * values as cells hold them (dates as Excel serials, text as text), ready to be placed in the
 * user's columns through the register's mapping.
 */
import { CalendarDate } from "../dates/calendarDate";
import { dateToSerial } from "../dates/excelSerial";
import { normalizeText } from "../text/normalizeText";
import { PeriodLength } from "../rules/periods";
import { DEADLINE_KIND_LABELS, TableKey, tableFields } from "../register/registerSchema";
import { CellValue } from "../cells/sheetGrid";
import { DeliberationExtraction } from "./extractDeliberation";

/** One row: every field key of the table, blank (null) when the deliberation does not give it. */
export type RowValues = Readonly<Record<string, CellValue>>;

export interface DeliberationRows {
  readonly conventions: RowValues;
  readonly deadlines: readonly RowValues[];
}

export interface RowOptions {
  /** The convention's Référence in the register (see suggestReference). */
  readonly reference: string;
  /** "years" when the register's duration column is "Durée (ans)": the duration is then written in years. */
  readonly durationUnit?: "months" | "years";
}

/** The rhythms the register's check follows (quarters, semesters, years): another one stays in the review only. */
const FOLLOWED_PERIODS: readonly number[] = [3, 6, 12] satisfies readonly PeriodLength[];

function serial(date: CalendarDate | null): number | null {
  if (date === null) return null;
  const read = dateToSerial(date);
  return read.ok ? read.value : null;
}

function row(table: TableKey, values: Readonly<Record<string, CellValue>>): RowValues {
  return Object.fromEntries(tableFields(table).map((field) => [field.key, values[field.key] ?? null]));
}

/** The term's first day when it can be known: written, or the signature or exécutoire date it counts from. */
function startOf(extraction: DeliberationExtraction): CalendarDate | null {
  const term = extraction.term.value;
  if (term === null) return null;
  if (term.start !== null) return term.start;
  if (term.from === "signature") return extraction.signatureDate.value;
  if (term.from === "enforceable") return extraction.enforceableDate.value;
  return null; // "à compter de sa notification": to fill in once notified
}

function duration(months: number | null, text: string | null, unit: "months" | "years"): CellValue {
  if (months === null) return null;
  if (unit === "months") return months;
  // Under "Durée (ans)" a number counts years; a duration that is no whole number of years is written as the text gave it.
  return months % 12 === 0 ? months / 12 : text;
}

/**
 * The register rows of a deliberation: its convention (the start only when the text can know it:
 * a written date, or the signature or exécutoire date it counts from; never the notification),
 * and its échéances: the comité's rhythm and each recurring obligation (Récurrente, Fréquence
 * (mois)) when it is one the check follows (every 3, 6 or 12 months), each milestone (Jalon,
 * Délai (mois) or Date limite).
 * @example deliberationRows(extractDeliberation(team2Text), { reference: "TEAM2-2024" }).conventions.publicationDate // 45485
 */
export function deliberationRows(extraction: DeliberationExtraction, options: RowOptions): DeliberationRows {
  const term = extraction.term.value;
  const id = options.reference;
  const conventions = row("conventions", {
    id,
    title: extraction.title.value,
    partner: extraction.partner.value,
    siret: extraction.siret.value,
    deliberationNumber: extraction.deliberationNumber.value,
    deliberationDate: serial(extraction.sessionDate.value),
    transmissionDate: serial(extraction.transmissionDate.value),
    publicationDate: serial(extraction.publicationDate.value),
    enforceableDate: serial(extraction.enforceableDate.value),
    start: serial(startOf(extraction)),
    duration: duration(term?.months ?? null, term?.durationText ?? null, options.durationUnit ?? "months"),
    end: serial(term?.end ?? null),
    amount: extraction.amount.value,
  });
  const deadlines: RowValues[] = [];
  const rhythms = [extraction.committee.value, ...extraction.recurring.map((r) => r.value)];
  for (const rhythm of rhythms) {
    if (rhythm === null || !FOLLOWED_PERIODS.includes(rhythm.months)) continue;
    deadlines.push(row("deadlines", { conventionId: id, label: rhythm.label, kind: DEADLINE_KIND_LABELS.recurring, frequencyMonths: rhythm.months }));
  }
  for (const { value } of extraction.milestones) {
    if (value === null) continue;
    deadlines.push(row("deadlines", { conventionId: id, label: value.label, kind: DEADLINE_KIND_LABELS.milestone, delayMonths: value.delayMonths, dueDate: serial(value.dueDate) }));
  }
  return { conventions, deadlines };
}

const PARTNER_KIND =
  /^(?:centre social|office de tourisme|mission locale|communaute (?:de communes|d'agglomeration|urbaine)|association|societe|entreprise|sas|sarl|sa|scic|scop|fondation|federation|commune|ville|centre|office|etablissement|club|agence|syndicat|departement|region)\b\s*/;
const SMALL_WORDS = new Set(["le", "la", "les", "l", "de", "du", "des", "d", "et", "a", "au", "aux", "en", "pour", "sur"]);

/**
 * A Référence for the new convention: the partner's name without its kind, up to three words in
 * capitals, and the year of the séance ("Association TEAM2", 25/06/2024 → "TEAM2-2024"); the
 * user may change it before confirming.
 * @example suggestReference(extractDeliberation(team2Text)) // "TEAM2-2024"
 */
export function suggestReference(extraction: DeliberationExtraction): string {
  const year = (extraction.sessionDate.value ?? extraction.publicationDate.value)?.year;
  const name = normalizeText(extraction.partner.value ?? "").replace(PARTNER_KIND, "");
  const words = (name.match(/[a-z0-9]+/g) ?? []).filter((w) => !SMALL_WORDS.has(w)).slice(0, 3);
  const stem = words.length > 0 ? words.join("-").toUpperCase() : (extraction.deliberationNumber.value ?? "CONV");
  return year === undefined ? stem : `${stem}-${year}`;
}
