/**
 * The comité report as a sheet ("Comité – TEAM2-2024"): the convention in brief, its obligations
 * and their state, the meetings so far, what is late, then blank agenda and decision rows to fill
 * in by hand. Printed on A4 portrait, one page wide, "Page n / N" in the footer.
 */
import { STATUS_LABELS } from "../i18n/fr";
import { COMMITTEE_REPORT, PAGE_FOOTER, REPORT_WORDS, amendmentText, deliberationText, durationText } from "../i18n/report.fr";
import { SEVERITY_LABELS, findingMessage } from "../i18n/register.fr";
import { FINDING_SEVERITY } from "../core/check/findings";
import { committeeSheetName } from "./ownedSheets";
import { CellStyle, DraftCell, SheetDraft, WorkbookPlan, numberCell, textCell } from "./sheetDraft";
import { CommitteeReport, MilestoneObligation, Obligation, ObligationState, RecurringObligation } from "../core/report/committeeReport";
import { SheetBuilder, dayCell, maybeText } from "./sheetBuilder";

/** Label column, then four columns that the tables share. */
const WIDTHS = [24, 22, 20, 14, 36];
/** Blank rows of the agenda and of the decisions. */
const AGENDA_ROWS = 6;
const DECISION_ROWS = 6;

const LEFT = { align: "left" } as const;
const CENTRED = { align: "center" } as const;

const STATE_STYLES: Record<ObligationState, CellStyle | undefined> = { late: "late", soon: "soon", done: "ok", pending: undefined, unknown: "muted" };

/**
 * The sheet of a comité report.
 * @example committeeReportSheet(committeeReport(register, { conventionId: "TEAM2-2024", asOf })!).name // "Comité – TEAM2-2024"
 */
export function committeeReportSheet(report: CommitteeReport): SheetDraft {
  const { convention } = report;
  const sheet = new SheetBuilder(committeeSheetName(convention.id), WIDTHS);
  sheet.wide(textCell(COMMITTEE_REPORT.title(convention.id), { style: "title" }));
  const about = [convention.title, convention.partner].filter((t): t is string => t !== null).join(" — ");
  if (about !== "") sheet.wide(textCell(about, { style: "subtitle", wrap: true }));
  if (report.authority !== null) sheet.wide(textCell(report.authority, { style: "subtitle" }));
  sheet.wide(textCell(COMMITTEE_REPORT.prepared(report.asOf), { style: "muted" }));
  sheet.skip();
  summary(sheet, report);
  obligations(sheet, report.obligations);
  meetings(sheet, report);
  late(sheet, report);
  blankRows(sheet, report);
  return sheet.build({ print: { landscape: false, fitToWidth: true, footer: PAGE_FOOTER } });
}

/** The plan that adds the comité report to a workbook and shows it. */
export function committeeReportPlan(report: CommitteeReport): WorkbookPlan {
  const sheet = committeeReportSheet(report);
  return { addSheets: [sheet], activate: sheet.name };
}

function summary(sheet: SheetBuilder, report: CommitteeReport): void {
  const { convention: c, asOf } = report;
  const facts = COMMITTEE_REPORT.facts;
  sheet.wide(textCell(COMMITTEE_REPORT.conventionHeading, { style: "heading" }));
  const value = (label: string, cell: DraftCell): void => {
    sheet.placed([
      { cell: textCell(label, { style: "label" }), column: 0 },
      { cell, column: 1, span: sheet.width - 1 },
    ]);
  };
  const orDash = (cell: DraftCell): DraftCell => cell ?? textCell(REPORT_WORDS.unknown);
  value(facts.id, textCell(c.id));
  value(facts.title, orDash(maybeText(c.title, { wrap: true })));
  value(facts.partner, orDash(maybeText(c.partner, { wrap: true })));
  value(facts.deliberation, orDash(maybeText(deliberationText(c.deliberationNumber, c.deliberationDate, c.enforceableDate, false))));
  value(facts.start, orDash(dayCell(c.start, LEFT)));
  value(facts.duration, orDash(c.duration === null ? null : textCell(durationText(c.duration))));
  value(facts.end, orDash(dayCell(c.end, LEFT)));
  value(facts.status(asOf), textCell(report.status === null ? REPORT_WORDS.unknown : STATUS_LABELS[report.status], { style: statusStyle(report) }));
  value(facts.amount, orDash(c.amount === null ? null : numberCell(c.amount, "amount", LEFT)));
  const amendments = report.amendments.map((a) => amendmentText(a.number, a.date, a.subject));
  value(facts.amendments, textCell(amendments.length === 0 ? REPORT_WORDS.none : amendments.join("\n"), { wrap: true }));
  if (c.notes !== null) value(facts.notes, textCell(c.notes, { wrap: true }));
  sheet.skip();
}

function statusStyle(report: CommitteeReport): CellStyle | undefined {
  if (report.status === "expired") return "late";
  if (report.status === "to_renew") return "soon";
  return report.status === "in_force" ? "ok" : undefined;
}

function obligations(sheet: SheetBuilder, list: readonly Obligation[]): void {
  sheet.wide(textCell(COMMITTEE_REPORT.obligationsHeading, { style: "heading" }));
  sheet.line(COMMITTEE_REPORT.obligationColumns.map((title) => textCell(title, { style: "header" })));
  for (const obligation of list) sheet.line(obligation.kind === "milestone" ? milestoneRow(obligation) : recurringRow(obligation));
  sheet.skip();
}

function recurringRow(o: RecurringObligation): DraftCell[] {
  const words = COMMITTEE_REPORT;
  const detail = [
    o.missing.length > 0 ? words.missingPeriods(o.missing) : o.settled > 0 ? words.allHeld : null,
    o.next === null ? null : words.nextPeriod(o.next.window.end, o.next.period.label),
  ].filter((t): t is string => t !== null);
  return [
    textCell(o.label ?? words.committeeObligation, { wrap: true }),
    textCell(words.everyPeriod(o.periodMonths), { wrap: true }),
    textCell(words.periodsHeld(o.held, o.settled, o.periodMonths)),
    stateCell(o.state, false),
    detail.length === 0 ? null : textCell(detail.join(" "), { wrap: true }),
  ];
}

function milestoneRow(o: MilestoneObligation): DraftCell[] {
  const words = COMMITTEE_REPORT;
  let detail: string | null = null;
  if (o.state === "unknown") detail = words.milestoneUnknown;
  else if (o.doneOn === null && o.daysLeft !== null) detail = words.milestoneLeft(o.daysLeft);
  return [
    textCell(o.label, { wrap: true }),
    textCell(words.milestoneDeadline(o.deadline, o.delayMonths), { wrap: true }),
    textCell(o.doneOn === null ? words.milestoneNotDone : words.milestoneDone(o.doneOn)),
    stateCell(o.state, o.doneOn !== null),
    maybeText(detail, { wrap: true }),
  ];
}

function stateCell(state: ObligationState, milestoneDone: boolean): DraftCell {
  const style = STATE_STYLES[state];
  return textCell(COMMITTEE_REPORT.obligationState(state, milestoneDone), style === undefined ? {} : { style });
}

function meetings(sheet: SheetBuilder, report: CommitteeReport): void {
  const words = COMMITTEE_REPORT;
  sheet.wide(textCell(words.meetingsHeading, { style: "heading" }));
  if (report.meetings.length === 0) {
    sheet.wide(textCell(words.noMeeting, { style: "muted" }));
    sheet.skip();
    return;
  }
  const [date, type, minutes, participants] = words.meetingColumns;
  sheet.placed([
    { cell: textCell(date, { style: "header", ...CENTRED }), column: 0 },
    { cell: textCell(type, { style: "header" }), column: 1 },
    { cell: textCell(minutes, { style: "header" }), column: 2, span: 2 },
    { cell: textCell(participants, { style: "header" }), column: 4 },
  ]);
  for (const meeting of report.meetings) {
    sheet.placed([
      { cell: dayCell(meeting.date, CENTRED), column: 0 },
      { cell: textCell(words.meetingType(meeting.type)), column: 1 },
      { cell: maybeText(meeting.minutes, { wrap: true }), column: 2, span: 2 },
      { cell: maybeText(meeting.participants, { wrap: true }), column: 4 },
    ]);
  }
  sheet.skip();
}

function late(sheet: SheetBuilder, report: CommitteeReport): void {
  sheet.wide(textCell(COMMITTEE_REPORT.lateHeading, { style: "heading" }));
  if (report.late.length === 0) sheet.wide(textCell(COMMITTEE_REPORT.nothingLate, { style: "muted" }));
  for (const finding of report.late) {
    const severity = FINDING_SEVERITY[finding.code];
    sheet.placed([
      { cell: textCell(SEVERITY_LABELS[severity], { style: severity === "late" ? "late" : "soon" }), column: 0 },
      { cell: textCell(findingMessage(finding), { wrap: true }), column: 1, span: sheet.width - 1 },
    ]);
  }
  sheet.skip();
}

/** The agenda and the decisions, numbered rows left blank in the "input" style. */
function blankRows(sheet: SheetBuilder, report: CommitteeReport): void {
  const words = COMMITTEE_REPORT;
  sheet.wide(textCell(words.agendaHeading, { style: "heading" }));
  const next = report.obligations.find((o): o is RecurringObligation => o.kind === "committee")?.next ?? null;
  if (next !== null) sheet.wide(textCell(words.agendaDeadline(next.window.end, next.period.label), { style: "muted" }));
  const [number, point, by] = words.agendaColumns;
  numberedRows(sheet, AGENDA_ROWS, [number, { title: point, span: 3 }, by]);
  sheet.skip();
  sheet.wide(textCell(words.decisionsHeading, { style: "heading" }));
  const [n, decision, owner, due] = words.decisionColumns;
  numberedRows(sheet, DECISION_ROWS, [n, { title: decision, span: 2 }, owner, due]);
}

/** A header row, then `count` rows numbered in the first column and blank in the others, to fill in. */
function numberedRows(sheet: SheetBuilder, count: number, columns: readonly (string | { readonly title: string; readonly span: number })[]): void {
  const placed = columns.reduce<{ title: string; column: number; span: number }[]>((list, c) => {
    const previous = list[list.length - 1];
    const column = previous === undefined ? 0 : previous.column + previous.span;
    return [...list, typeof c === "string" ? { title: c, column, span: 1 } : { ...c, column }];
  }, []);
  sheet.placed(placed.map(({ title, column, span }) => ({ cell: textCell(title, { style: "header", ...(column === 0 ? CENTRED : {}) }), column, span })));
  for (let i = 1; i <= count; i++) {
    sheet.placed(
      placed.map(({ column, span }) => ({
        cell: column === 0 ? numberCell(i, "integer", { style: "input", ...CENTRED }) : textCell("", { style: "input" }),
        column,
        span,
      })),
    );
  }
}
