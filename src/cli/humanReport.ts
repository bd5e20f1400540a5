/**
 * The report of `registre verifier` for a person: the mapping found, the findings by convention
 * (late ones first, each with the cell it comes from), then a count per code. Words from
 * src/i18n/cli.fr.ts; the sentence of each finding from findingMessage.
 */
import { GroupedFindings } from "../core/check/groupFindings";
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
export function humanReport(file: string, asOf: CalendarDate, mapping: RegisterMapping, grouped: GroupedFindings): string[] {
  // Lists of any length are concatenated, never spread into push(): a register of 20 000 rows has
  // more findings than a call takes arguments (a RangeError).
  const all = grouped.sections.flatMap((s) => s.findings).concat(grouped.orphans);
  return [REPORT.heading(file, asOf), "", ...mappingLines(mapping), "", REPORT.findingsHeading(grouped.sections.length, all.length)].concat(
    findingsByConvention(grouped, true),
    ["", REPORT.summaryHeading],
    summaryLines(all),
  );
}

/**
 * The findings by convention, each convention under its heading line (every convention, or only
 * those with findings: a folder's report), then the rows that name no convention.
 * @example findingsByConvention(grouped, false) // ["", "TEAM2-2024 — … — En cours — fin le 14/07/2027", "  !! EN RETARD   …"]
 */
export function findingsByConvention(grouped: GroupedFindings, everyConvention: boolean): string[] {
  const lines: string[] = [];
  for (const section of grouped.sections) {
    if (!everyConvention && section.findings.length === 0) continue;
    const { id, title, partner, status, end } = section.summary;
    lines.push("", REPORT.conventionHeading(id, title, partner, status, end));
    if (section.findings.length === 0) lines.push(REPORT.noFinding);
    for (const finding of section.findings) lines.push(findingLine(finding));
  }
  if (grouped.orphans.length === 0) return lines;
  lines.push("", REPORT.orphansHeading);
  for (const finding of grouped.orphans) lines.push(findingLine(finding));
  return lines;
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

function summaryLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [REPORT.summaryNone];
  const counts = new Map<FindingCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const bySeverity = [...FINDING_CODES].sort((a, b) => severityRank(a) - severityRank(b));
  return [
    ...bySeverity.filter((code) => counts.has(code)).map((code) => REPORT.summaryLine(code, counts.get(code) ?? 0)),
    REPORT.summaryTotal(findings.length),
  ];
}
