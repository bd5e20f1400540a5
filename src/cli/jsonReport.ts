/**
 * The `--json` form of a check: one plain object, dates as "AAAA-MM-JJ" text, stable codes next to
 * the French sentences, so another program can read it without knowing the core's types.
 */
import { GroupedFindings } from "../core/check/groupFindings";
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
  return {
    code: finding.code,
    conventionId: finding.conventionId,
    ...(period === undefined ? {} : { period: period.label }),
    ...(date === undefined ? {} : { date: toIsoDate(date) }),
    ...(field === undefined ? {} : { field }),
    ...(at === undefined ? {} : { sheet: at.sheet, row: at.row, ...(at.column === undefined ? {} : { column: at.column }) }),
    ...(finding.code === "inconsistent_dates" ? { reason: finding.reason } : {}),
    ...(label === undefined ? {} : { label }),
    message: findingMessage(finding),
  };
}

/**
 * The check as one JSON-ready object; alerts in the human report's order (by convention, late
 * ones first, then the rows that name no convention).
 * @example jsonReport(d("2026-11-29"), mapping, grouped).alerts[0] // { code: "missing_committee", conventionId: "TEAM2-2024", period: "2025-S1", … }
 */
export function jsonReport(asOf: CalendarDate, mapping: RegisterMapping, grouped: GroupedFindings): JsonReport {
  return {
    asOf: toIsoDate(asOf),
    mapping: jsonMapping(mapping),
    conventions: grouped.sections.map((s) => convention(s.summary)),
    alerts: [...grouped.sections.flatMap((s) => s.findings), ...grouped.orphans].map(alert),
  };
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
export function* jsonReportPieces(asOf: CalendarDate, mapping: RegisterMapping, grouped: GroupedFindings): Generator<string> {
  const mappingText = JSON.stringify(jsonMapping(mapping), null, 2).replace(/\n/g, "\n  ");
  yield `{\n  "asOf": ${JSON.stringify(toIsoDate(asOf))},\n  "mapping": ${mappingText},`;
  yield* arrayMember(
    "conventions",
    grouped.sections.length,
    (function* () {
      for (const section of grouped.sections) yield convention(section.summary);
    })(),
    ",",
  );
  const alertCount = grouped.sections.reduce((n, s) => n + s.findings.length, 0) + grouped.orphans.length;
  yield* arrayMember(
    "alerts",
    alertCount,
    (function* () {
      for (const section of grouped.sections) for (const finding of section.findings) yield alert(finding);
      for (const finding of grouped.orphans) yield alert(finding);
    })(),
    "",
  );
  yield "}";
}

/**
 * An item of a top-level array as `JSON.stringify(…, null, 2)` lays it out at depth 2: its members
 * one a line, 6 spaces in; an array of plain values one value a line. Written out here because the
 * items are flat (texts, numbers, null, arrays of texts) and this is several times faster than
 * stringifying each with indentation; anything else falls back to JSON.stringify itself.
 */
function prettyItem(item: unknown): string {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return `    ${JSON.stringify(item, null, 2).replace(/\n/g, "\n    ")}`;
  const members: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || typeof value === "function") continue;
    let text: string;
    if (Array.isArray(value)) {
      if (!value.every((v) => v === null || typeof v !== "object")) return `    ${JSON.stringify(item, null, 2).replace(/\n/g, "\n    ")}`;
      text = value.length === 0 ? "[]" : `[\n        ${value.map((v) => JSON.stringify(v) ?? "null").join(",\n        ")}\n      ]`;
    } else if (typeof value === "object" && value !== null) {
      return `    ${JSON.stringify(item, null, 2).replace(/\n/g, "\n    ")}`;
    } else {
      text = JSON.stringify(value);
    }
    members.push(`      ${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? "    {}" : `    {\n${members.join(",\n")}\n    }`;
}

/** Items stringified at a time before a piece is given. */
const ITEMS_PER_PIECE = 2000;

/** An array member of the top object, its `count` items stringified one by one (JSON.stringify's layout, at depth 2). */
function* arrayMember(key: string, count: number, items: Iterable<unknown>, after: string): Generator<string> {
  if (count === 0) {
    yield `  ${JSON.stringify(key)}: []${after}`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [`;
  let piece: string[] = [];
  let index = 0;
  for (const item of items) {
    index += 1;
    piece.push(prettyItem(item));
    if (piece.length === ITEMS_PER_PIECE && index < count) {
      yield `${piece.join(",\n")},`;
      piece = [];
    }
  }
  if (piece.length > 0) yield piece.join(",\n");
  yield `  ]${after}`;
}
