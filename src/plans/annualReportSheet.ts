/**
 * The annual report as a sheet ("Rapport 2025"): a heading with the authority, the year and the
 * date of the check; the key figures beside the comités per semester and their chart; what needs
 * action, from a new page; then one row per convention in force, as an Excel table from a new page
 * whose header row repeats on every printed page (A4 landscape, one page wide, "Page n / N").
 */
import { STATUS_LABELS, formatDateFr } from "../i18n/fr";
import { findingMessage } from "../i18n/register.fr";
import { ANNUAL_REPORT, PAGE_FOOTER, REPORT_WORDS, amendmentText, deliberationText } from "../i18n/report.fr";
import { CalendarDate } from "../core/dates/calendarDate";
import { ConventionStatus } from "../core/rules/conventionStatus";
import { Finding, findingDate } from "../core/check/findings";
import { reportSheetName } from "./ownedSheets";
import { CellLink, DraftCell, SheetDraft, WorkbookPlan, numberCell, textCell } from "./sheetDraft";
import { RowSource } from "../core/register/registerSchema";
import { AnnualReport, AnnualRow } from "../core/report/annualReport";
import { SheetBuilder, dayCell, maybeText } from "./sheetBuilder";

/** Widths of the thirteen columns of the conventions table, in characters. */
const WIDTHS = [12, 22, 19, 18, 11, 11, 11, 12, 11, 10, 11, 18, 21];
/** Where the comités per semester and their chart sit, beside the key figures. */
const SEMESTER_COLUMN = 5;
const CHART_COLUMN = 9;
/** The key figures: label over columns A–C, figure in D. */
const FIGURE_LABEL_SPAN = 3;
/** An action list's date, and its sentence from column E to the last one. */
const DATE_COLUMN = 3;
const MESSAGE_COLUMN = 4;
const CENTRED = { align: "center" } as const;
/** How the conventions table's headers align, over their values: dates, status and comités centred, the amount right. */
const HEADER_ALIGN: ReadonlyMap<number, "center" | "right"> = new Map([
  [4, "center"],
  [5, "center"],
  [6, "center"],
  [7, "right"],
  [8, "center"],
  [9, "center"],
  [10, "center"],
]);

/**
 * The sheet of an annual report.
 * @example annualReportSheet(annualReport(register, { year: 2025, asOf: d("2026-01-26") })).name // "Rapport 2025"
 */
export function annualReportSheet(report: AnnualReport): SheetDraft {
  const sheet = new SheetBuilder(reportSheetName(report.year), WIDTHS);
  sheet.wide(textCell(ANNUAL_REPORT.title(report.year), { style: "title" }));
  if (report.authority !== null) sheet.wide(textCell(report.authority, { style: "subtitle" }));
  sheet.wide(textCell(ANNUAL_REPORT.situation(report.asOf, report.from, report.to), { style: "subtitle" }));
  sheet.skip();
  keyFigures(sheet, report);
  // What needs action starts a page; the conventions table starts another, its header row repeated on each.
  sheet.skip();
  const actionsStart = sheet.next;
  actionLists(sheet, report);
  const tableStart = sheet.next;
  const headerRow = conventionsTable(sheet, report);
  return sheet.build({
    print: {
      landscape: true,
      fitToWidth: true,
      footer: PAGE_FOOTER,
      pageBreaks: [actionsStart, tableStart],
      ...(headerRow === null ? {} : { repeatRows: { first: headerRow, last: headerRow } }),
    },
  });
}

/**
 * The plan that adds the annual report to a workbook and shows it: a new sheet, "Rapport 2025 (2)"
 * when the name is taken.
 */
export function annualReportPlan(report: AnnualReport): WorkbookPlan {
  const sheet = annualReportSheet(report);
  return { addSheets: [sheet], activate: sheet.name };
}

function keyFigures(sheet: SheetBuilder, report: AnnualReport): void {
  const { figures, year, asOf } = report;
  const words = ANNUAL_REPORT.figures;
  const top = sheet.placed([
    { cell: textCell(ANNUAL_REPORT.figuresHeading, { style: "heading" }), column: 0, span: FIGURE_LABEL_SPAN + 1 },
    { cell: textCell(ANNUAL_REPORT.semestersHeading, { style: "heading" }), column: SEMESTER_COLUMN, span: CHART_COLUMN - SEMESTER_COLUMN },
  ]);
  const lines: [string, number, "integer" | "amount"][] = [
    [words.inForce(year), figures.inForce, "integer"],
    [words.started(year), figures.started, "integer"],
    [words.ended(year), figures.ended, "integer"],
    [words.toRenew(asOf), figures.toRenew, "integer"],
    [words.amendments(year), figures.amendments, "integer"],
    [words.committeesHeld, figures.committeesHeld, "integer"],
    [words.committeesRequired, figures.committeesRequired, "integer"],
    [words.missingSemesters, figures.missingSemesters, "integer"],
    [words.milestonesMet(year), figures.milestonesMet, "integer"],
    [words.milestonesOverdue(asOf), figures.milestonesOverdue, "integer"],
    [words.amountInForce, figures.amountInForce, "amount"],
    [words.amountStarted(year), figures.amountStarted, "amount"],
  ];
  lines.forEach(([label, value, format], i) =>
    sheet.placed(
      [
        { cell: textCell(label, { style: "label" }), column: 0, span: FIGURE_LABEL_SPAN },
        { cell: numberCell(value, format, { style: "figure" }), column: FIGURE_LABEL_SPAN },
      ],
      top + 1 + i,
    ),
  );

  // The comités per semester, a small table the chart reads.
  const header = top + 1;
  sheet.placed(
    ANNUAL_REPORT.semesterColumns.map((title, i) => ({ cell: textCell(title, { style: "header", ...CENTRED }), column: SEMESTER_COLUMN + i })),
    header,
  );
  report.semesters.forEach((s, i) =>
    sheet.placed(
      [
        { cell: textCell(s.label, CENTRED), column: SEMESTER_COLUMN },
        { cell: numberCell(s.required, "integer", CENTRED), column: SEMESTER_COLUMN + 1 },
        { cell: numberCell(s.held, "integer", CENTRED), column: SEMESTER_COLUMN + 2 },
        { cell: numberCell(s.missing, "integer", s.missing > 0 ? { style: "late", ...CENTRED } : CENTRED), column: SEMESTER_COLUMN + 3 },
      ],
      header + 1 + i,
    ),
  );
  statusCounts(sheet, report, header + report.semesters.length + 2);
  sheet.chart({
    title: ANNUAL_REPORT.chartTitle,
    // Categories, then the "Requis" and "Tenus" series.
    data: { row: header, column: SEMESTER_COLUMN, rowCount: report.semesters.length + 1, columnCount: 3 },
    anchor: { row: top, column: CHART_COLUMN, rowCount: lines.length + 1, columnCount: WIDTHS.length - CHART_COLUMN },
  });
}

/** How many conventions have each status on the report's last day, under the comités per semester. */
function statusCounts(sheet: SheetBuilder, report: AnnualReport, top: number): void {
  const span = CHART_COLUMN - SEMESTER_COLUMN;
  sheet.placed([{ cell: textCell(ANNUAL_REPORT.statusHeading(report.to), { style: "heading" }), column: SEMESTER_COLUMN, span }], top);
  const statuses: (ConventionStatus | "unknown")[] = ["in_force", "to_renew", "expired", "upcoming", "unknown"];
  statuses
    .filter((status) => status === "in_force" || report.byStatus[status] > 0)
    .forEach((status, i) =>
      sheet.placed(
        [
          { cell: textCell(status === "unknown" ? ANNUAL_REPORT.unknownStatus : STATUS_LABELS[status], { style: "label" }), column: SEMESTER_COLUMN, span: span - 1 },
          { cell: numberCell(report.byStatus[status], "integer", { style: status === "expired" ? "late" : status === "to_renew" ? "soon" : undefined, ...CENTRED }), column: CHART_COLUMN - 1 },
        ],
        top + 1 + i,
      ),
    );
}

/** The four lists of what needs action, each with its header row, or a sentence saying there is nothing. */
function actionLists(sheet: SheetBuilder, report: AnnualReport): void {
  const { sections, nothing } = ANNUAL_REPORT;
  const byId = new Map(report.rows.map((r) => [r.id, r]));
  const fromFinding = (f: Finding): ActionLine => {
    const row = f.conventionId === null ? undefined : byId.get(f.conventionId);
    return { id: f.conventionId ?? REPORT_WORDS.unknown, title: row?.title ?? null, partner: row?.partner ?? null, source: row?.source ?? null, date: findingDate(f) ?? null, text: findingMessage(f) };
  };
  actionList(sheet, sections.missingCommittees, nothing.missingCommittees, report.missingCommittees.map(fromFinding));
  actionList(
    sheet,
    sections.expiring,
    nothing.expiring,
    report.expiring.map((e) => ({ ...e, date: e.end, text: ANNUAL_REPORT.expiring(e.end, e.daysLeft) })),
  );
  actionList(sheet, sections.overdueMilestones, nothing.overdueMilestones, report.overdueMilestones.map(fromFinding));
  actionList(
    sheet,
    sections.appeals,
    nothing.appeals,
    report.appeals.map((a) => ({ ...a, date: a.deadline, text: ANNUAL_REPORT.appeal(a.publication, a.deadline, a.daysLeft) })),
  );
}

interface ActionLine {
  readonly id: string;
  readonly title: string | null;
  readonly partner: string | null;
  readonly source: RowSource | null;
  readonly date: CalendarDate | null;
  readonly text: string;
}

function actionList(sheet: SheetBuilder, heading: string, nothing: string, lines: readonly ActionLine[]): void {
  sheet.wide(textCell(heading, { style: "heading" }));
  if (lines.length === 0) {
    sheet.wide(textCell(nothing, { style: "muted" }));
    sheet.skip();
    return;
  }
  const span = sheet.width - MESSAGE_COLUMN;
  sheet.placed(
    REPORT_WORDS.actionColumns.map((title, column) => ({
      cell: textCell(title, { style: "header", ...(column === DATE_COLUMN ? CENTRED : {}) }),
      column,
      span: column === MESSAGE_COLUMN ? span : 1,
    })),
  );
  for (const line of lines) {
    sheet.placed([
      { cell: referenceCell(line.id, line.source), column: 0 },
      { cell: maybeText(line.title, { wrap: true }), column: 1 },
      { cell: maybeText(line.partner, { wrap: true }), column: 2 },
      { cell: dayCell(line.date, CENTRED), column: DATE_COLUMN },
      { cell: textCell(line.text, { wrap: true }), column: MESSAGE_COLUMN, span },
    ]);
  }
  sheet.skip();
}

/** The conventions in force, as an Excel table; the 0-based row of its header (null without any convention). */
function conventionsTable(sheet: SheetBuilder, report: AnnualReport): number | null {
  sheet.wide(textCell(ANNUAL_REPORT.tableHeading(report.year, report.rows.length), { style: "heading" }));
  if (report.rows.length === 0) {
    sheet.wide(textCell(ANNUAL_REPORT.noConvention(report.year), { style: "muted" }));
    return null;
  }
  const columns = ANNUAL_REPORT.columns(report.year, report.to);
  const header = sheet.line(
    columns.map((title, c) => {
      const align = HEADER_ALIGN.get(c);
      return textCell(title, { style: "header", wrap: true, ...(align === undefined ? {} : { align }) });
    }),
  );
  for (const row of report.rows) sheet.line(conventionRow(row));
  sheet.table({ name: `Rapport${report.year}`, area: { row: header, column: 0, rowCount: report.rows.length + 1, columnCount: columns.length } });
  const statusArea = { row: header + 1, column: 6, rowCount: report.rows.length, columnCount: 1 };
  sheet.conditionalFormat({ area: statusArea, style: "late", whenTextContains: STATUS_LABELS.expired });
  sheet.conditionalFormat({ area: statusArea, style: "soon", whenTextContains: STATUS_LABELS.to_renew });
  return header;
}

function conventionRow(row: AnnualRow): DraftCell[] {
  const lines = (texts: readonly string[], align?: "center"): DraftCell =>
    texts.length === 0 ? null : textCell(texts.join("\n"), { wrap: true, ...(align === undefined ? {} : { align }) });
  return [
    referenceCell(row.id, row.source),
    maybeText(row.title, { wrap: true }),
    maybeText(row.partner, { wrap: true }),
    maybeText(deliberationText(row.deliberationNumber, row.deliberationDate, row.enforceableDate, true), { wrap: true }),
    dayCell(row.start, CENTRED),
    dayCell(row.end, CENTRED),
    textCell(row.status === null ? REPORT_WORDS.unknown : STATUS_LABELS[row.status], CENTRED),
    row.amount === null ? null : numberCell(row.amount, "amount"),
    lines(row.committees.map(formatDateFr), "center"),
    row.missingSemesters.length === 0 ? null : textCell(row.missingSemesters.join("\n"), { wrap: true, style: "late", ...CENTRED }),
    dayCell(row.nextCommitteeDue, CENTRED),
    lines(row.amendments.map((a) => amendmentText(a.number, a.date, a.subject))),
    maybeText(row.notes, { wrap: true }),
  ];
}

/** The Référence, linked to its row in the register; wrapped, as a long one (a consolidation's "REF (service)") would be cut. */
function referenceCell(id: string, source: RowSource | null): DraftCell {
  const link: CellLink | undefined = source === null ? undefined : { sheet: source.sheet, row: source.row - 1, column: 0 };
  return textCell(id, link === undefined ? { wrap: true } : { link, wrap: true });
}
