/**
 * The report of `registre verifier` for a person: the mapping found, the findings by convention
 * (late ones first, each with the cell it comes from), then a count per code. Words from
 * src/i18n/cli.fr.ts; the sentence of each finding from findingMessage.
 */
import { FindingSections } from "../core/check/groupFindings";
import { CalendarDate } from "../core/dates/calendarDate";
import { FINDING_CODES, FINDING_SEVERITY, Finding, FindingCode, severityRank } from "../core/check/findings";
import { RegisterMapping } from "../core/register/registerMapping";
import { TABLES, TABLE_KEYS, tableFields } from "../core/register/registerSchema";
import { REPORT } from "../i18n/cli.fr";
import { cellPlace } from "../i18n/register.fr";
import { findingMessage } from "../i18n/register.fr";

/**
 * The report's lines (without line ends).
 * @example humanReport("registre.xlsx", d("2026-11-29"), mapping, grouped)[0] // "Registre « registre.xlsx » — vérification au 29/11/2026"
 */
export function humanReport(file: string, asOf: CalendarDate, mapping: RegisterMapping, grouped: FindingSections): string[] {
  return [...humanReportLines(file, asOf, mapping, grouped)];
}

/**
 * The report's lines one at a time, for a report written as it is made: the findings are walked
 * twice, once to count them (the count comes first), once to write them.
 */
export function* humanReportLines(file: string, asOf: CalendarDate, mapping: RegisterMapping, grouped: FindingSections): Generator<string> {
  yield REPORT.heading(file, asOf);
  yield "";
  yield* mappingLines(mapping);
  yield "";
  const counts = new Map<FindingCode, number>();
  let conventions = 0;
  let total = 0;
  const count = (findings: Iterable<Finding>): void => {
    for (const f of findings) {
      counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      total += 1;
    }
  };
  for (const section of grouped.sections) {
    conventions += 1;
    count(section.findings);
  }
  count(grouped.orphans);
  yield REPORT.findingsHeading(conventions, total);
  yield* findingsByConvention(grouped, true);
  yield "";
  yield REPORT.summaryHeading;
  yield* summaryLines(counts, total);
}

/**
 * The findings by convention, each convention under its heading line (every convention, or only
 * those with findings: a folder's report), then the rows that name no convention; line by line.
 * @example [...findingsByConvention(grouped, false)] // ["", "TEAM2-2024 — … — En cours — fin le 14/07/2027", "  !! EN RETARD   …"]
 */
export function* findingsByConvention(grouped: FindingSections, everyConvention: boolean): Generator<string> {
  for (const section of grouped.sections) {
    if (!everyConvention && section.findings.length === 0) continue;
    const { id, title, partner, status, end } = section.summary;
    yield "";
    yield REPORT.conventionHeading(id, title, partner, status, end);
    if (section.findings.length === 0) yield REPORT.noFinding;
    for (const finding of section.findings) yield findingLine(finding);
  }
  let orphans = false;
  for (const finding of grouped.orphans) {
    if (!orphans) {
      yield "";
      yield REPORT.orphansHeading;
      orphans = true;
    }
    yield findingLine(finding);
  }
}

function findingLine(finding: Finding): string {
  const where = finding.location === undefined ? null : cellPlace(finding.location);
  return REPORT.finding(FINDING_SEVERITY[finding.code], findingMessage(finding), where);
}

function mappingLines(mapping: RegisterMapping): string[] {
  const lines: string[] = [REPORT.mappingHeading];
  for (const key of TABLE_KEYS) {
    const table = mapping[key];
    if (table === null) {
      lines.push(REPORT.tableMissing(TABLES[key].label));
      continue;
    }
    lines.push(REPORT.tableFound(TABLES[key].label, table.sheet, table.headerRow, table.origin === "explicit"));
    // Columns under the add-in's own header on one line; the others one by one, with the header read.
    const asNamed: { label: string; letter: string }[] = [];
    const renamed: string[] = [];
    for (const field of tableFields(key)) {
      const ref = table.columns[field.key];
      if (ref === undefined) continue;
      if (ref.header === field.label && ref.unit !== "years") asNamed.push({ label: field.label, letter: ref.letter });
      else renamed.push(REPORT.column(field.label, ref.header, ref.letter, ref.unit));
    }
    if (asNamed.length > 0) lines.push(REPORT.columnsAsNamed(asNamed));
    lines.push(...renamed);
    if (table.inlineCommittees.length > 0) lines.push(REPORT.inlineCommittees(table.inlineCommittees));
    if (table.ignored.length > 0) lines.push(REPORT.ignored(table.ignored));
  }
  return lines;
}

function summaryLines(counts: ReadonlyMap<FindingCode, number>, total: number): string[] {
  if (total === 0) return [REPORT.summaryNone];
  const bySeverity = [...FINDING_CODES].sort((a, b) => severityRank(a) - severityRank(b));
  return [...bySeverity.filter((code) => counts.has(code)).map((code) => REPORT.summaryLine(code, counts.get(code) ?? 0)), REPORT.summaryTotal(total)];
}
