/**
 * The `--json` form of a check: one plain object, dates as "AAAA-MM-JJ" text, stable codes next to
 * the French sentences, so another program can read it without knowing the core's types.
 */
import { FindingSections } from "../core/check/groupFindings";
import { CalendarDate, toIsoDate } from "../core/dates/calendarDate";
import { ConventionSummary } from "../core/check/checkRegister";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { Finding, FindingCode, InconsistencyReason, findingDate, findingField, findingLabel, findingPeriod } from "../core/check/findings";
import { ColumnRef, RegisterMapping, TableMapping } from "../core/register/registerMapping";
import { CommitteeType, TABLE_KEYS, TableKey } from "../core/register/registerSchema";
import { STATUS_LABELS } from "../i18n/fr";
import { findingMessage } from "../i18n/register.fr";

export interface JsonColumn {
  readonly column: string;
  readonly header: string;
  readonly unit?: "months" | "years";
}

export interface JsonTableMapping {
  readonly sheet: string;
  readonly headerRow: number;
  readonly origin: "detected" | "explicit";
  /** Field key (see registerSchema) → where it was found. */
  readonly columns: Readonly<Record<string, JsonColumn>>;
  readonly inlineCommittees: readonly (JsonColumn & { readonly type: CommitteeType })[];
  readonly ignored: readonly JsonColumn[];
}

export interface JsonConvention {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly status: ConventionStatus | null;
  readonly statusLabel: string | null;
  readonly missingSemesters: readonly string[];
  readonly nextCommitteeDue: string | null;
}

export interface JsonAlert {
  readonly code: FindingCode;
  readonly conventionId: string | null;
  /** The semester, quarter or year concerned ("2025-S1", "2024-T3"). */
  readonly period?: string;
  readonly date?: string;
  /** The field (column key of registerSchema) concerned. */
  readonly field?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  /** inconsistent_dates: which dates contradict each other. */
  readonly reason?: InconsistencyReason;
  /** The milestone's or obligation's label (Échéances). */
  readonly label?: string;
  readonly message: string;
}

export interface JsonReport {
  readonly asOf: string;
  readonly mapping: Readonly<Record<TableKey, JsonTableMapping | null>>;
  readonly conventions: readonly JsonConvention[];
  readonly alerts: readonly JsonAlert[];
}

function isoOrNull(date: CalendarDate | null): string | null {
  return date === null ? null : toIsoDate(date);
}

function column(ref: ColumnRef): JsonColumn {
  return { column: ref.letter, header: ref.header, ...(ref.unit === undefined ? {} : { unit: ref.unit }) };
}

function tableMapping(mapping: TableMapping | null): JsonTableMapping | null {
  if (mapping === null) return null;
  return {
    sheet: mapping.sheet,
    headerRow: mapping.headerRow,
    origin: mapping.origin,
    columns: Object.fromEntries(Object.entries(mapping.columns).map(([key, ref]) => [key, column(ref)])),
    inlineCommittees: mapping.inlineCommittees.map((ref) => ({ ...column(ref), type: ref.type })),
    ignored: mapping.ignored.map(column),
  };
}

function convention(summary: ConventionSummary): JsonConvention {
  return {
    id: summary.id,
    title: summary.title,
    partner: summary.partner,
    start: isoOrNull(summary.start),
    end: isoOrNull(summary.end),
    status: summary.status,
    statusLabel: summary.status === null ? null : STATUS_LABELS[summary.status],
    missingSemesters: [...summary.missingSemesters],
    nextCommitteeDue: isoOrNull(summary.nextCommitteeDue),
  };
}

function alert(finding: Finding): JsonAlert {
  const at = finding.location;
  const period = findingPeriod(finding);
  const date = findingDate(finding);
  const field = findingField(finding);
  const label = findingLabel(finding);
  // Members set one by one, in the order of the JSON (a register's million alerts: no spread objects).
  const json: { -readonly [K in keyof JsonAlert]?: JsonAlert[K] } = { code: finding.code, conventionId: finding.conventionId };
  if (period !== undefined) json.period = period.label;
  if (date !== undefined) json.date = toIsoDate(date);
  if (field !== undefined) json.field = field;
  if (at !== undefined) {
    json.sheet = at.sheet;
    json.row = at.row;
    if (at.column !== undefined) json.column = at.column;
  }
  if (finding.code === "inconsistent_dates") json.reason = finding.reason;
  if (label !== undefined) json.label = label;
  json.message = findingMessage(finding);
  return json as JsonAlert;
}

/**
 * The check as one JSON-ready object; alerts in the human report's order (by convention, late
 * ones first, then the rows that name no convention).
 * @example jsonReport(d("2026-11-29"), mapping, grouped).alerts[0] // { code: "missing_committee", conventionId: "TEAM2-2024", period: "2025-S1", … }
 */
export function jsonReport(asOf: CalendarDate, mapping: RegisterMapping, grouped: FindingSections): JsonReport {
  const conventions: JsonConvention[] = [];
  const alerts: JsonAlert[] = [];
  for (const section of grouped.sections) {
    conventions.push(convention(section.summary));
    for (const finding of section.findings) alerts.push(alert(finding));
  }
  for (const finding of grouped.orphans) alerts.push(alert(finding));
  return { asOf: toIsoDate(asOf), mapping: jsonMapping(mapping), conventions, alerts };
}

function jsonMapping(mapping: RegisterMapping): Record<TableKey, JsonTableMapping | null> {
  return Object.fromEntries(TABLE_KEYS.map((key) => [key, tableMapping(mapping[key])])) as Record<TableKey, JsonTableMapping | null>;
}

/**
 * The text of `JSON.stringify(jsonReport(…), null, 2)` in pieces of whole lines (joined by "\n",
 * without the last line end), made one convention and one alert at a time: a register of 200 000
 * conventions gives 450 MB of JSON, which is never held whole, nor its objects. The same text, byte
 * for byte (tests/cli/jsonReport.test.ts compares them).
 * @example [...jsonReportPieces(asOf, mapping, grouped)].join("\n") === JSON.stringify(jsonReport(asOf, mapping, grouped), null, 2) // true
 */
export function* jsonReportPieces(asOf: CalendarDate, mapping: RegisterMapping, grouped: FindingSections): Generator<string> {
  const mappingText = JSON.stringify(jsonMapping(mapping), null, 2).replace(/\n/g, "\n  ");
  yield `{\n  "asOf": ${JSON.stringify(toIsoDate(asOf))},\n  "mapping": ${mappingText},`;
  // The sections are walked twice: their summaries, then their findings.
  yield* arrayMember(
    "conventions",
    (function* () {
      for (const section of grouped.sections) yield convention(section.summary);
    })(),
    ",",
  );
  yield* arrayMember(
    "alerts",
    (function* () {
      for (const section of grouped.sections) for (const finding of section.findings) yield alert(finding);
      for (const finding of grouped.orphans) yield alert(finding);
    })(),
    "",
  );
  yield "}";
}

/**
 * Items laid out as JSON.stringify(…, null, 2) lays them out inside an array member of the top
 * object: stringified together (JSON.stringify's own speed), the array's brackets taken off and each
 * line moved two spaces further in (a JSON text has no raw line end but its layout's).
 */
function atDepthTwo(items: readonly unknown[]): string {
  const text = JSON.stringify(items, null, 2);
  return `  ${text.slice(2, -2).replace(/\n/g, "\n  ")}`;
}

/**
 * Items stringified at a time before a piece is given: a piece of some 60 KB stays in V8's young
 * generation (larger strings go to the old one and cost a full collection; 2 000 items a piece made
 * the JSON of 200 000 conventions 40 % slower).
 */
const ITEMS_PER_PIECE = 200;

/**
 * An array member of the top object, its items stringified a batch at a time (JSON.stringify's
 * layout, at depth 2); a batch is given once the next item is known to come (it then ends with a
 * comma) or not.
 */
function* arrayMember(key: string, items: Iterable<unknown>, after: string): Generator<string> {
  let batch: unknown[] = [];
  let ready: string | null = null;
  for (const item of items) {
    if (batch.length === ITEMS_PER_PIECE) {
      yield ready === null ? `  ${JSON.stringify(key)}: [` : `${ready},`;
      ready = atDepthTwo(batch);
      batch = [];
    }
    batch.push(item);
  }
  if (batch.length === 0) {
    yield `  ${JSON.stringify(key)}: []${after}`;
    return;
  }
  if (ready === null) yield `  ${JSON.stringify(key)}: [`;
  else yield `${ready},`;
  yield atDepthTwo(batch);
  yield `  ]${after}`;
}
