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
    mapping: Object.fromEntries(TABLE_KEYS.map((key) => [key, tableMapping(mapping[key])])) as Record<TableKey, JsonTableMapping | null>,
    conventions: grouped.sections.map((s) => convention(s.summary)),
    alerts: [...grouped.sections.flatMap((s) => s.findings), ...grouped.orphans].map(alert),
  };
}
