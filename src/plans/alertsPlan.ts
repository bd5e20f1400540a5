/**
 * What "Vérifier" writes: the findings as an add-in-owned "Alertes" sheet (a table with links to
 * the rows concerned, late in red, soon in amber) and two add-in-owned columns beside the user's
 * conventions ("Alerte", "Prochain comité"). Nothing a user typed is written over: the add-in's
 * columns are the ones it recorded in its settings, or new ones after the last used column, and a
 * cell of those columns that holds something the add-in does not write is left as it is.
 */
import { PAGE_FOOTER } from "../i18n/fr";
import { ALERTS, FINDING_LABELS, SEVERITY_LABELS, cellPlace, findingMessage } from "../i18n/register.fr";
import { AddinSettings, OwnColumns, settingsSheet, updateSettings } from "./addinSettings";
import { CalendarDate } from "../core/dates/calendarDate";
import { ConventionSummary } from "../core/check/checkRegister";
import { dateToSerial } from "../core/dates/excelSerial";
import { FINDING_SEVERITY, Finding, Severity, findingDate, findingPeriod } from "../core/check/findings";
import { GroupedFindings } from "../core/check/groupFindings";
import { ALERTS_SHEET } from "./ownedSheets";
import { RegisterMapping } from "../core/register/registerMapping";
import { CellBlock, CellLink, DraftCell, SheetDraft, WorkbookPlan, dateCell, textCell } from "./sheetDraft";
import { CellLocation } from "../core/check/findings";
import { SheetGrid, columnIndex, columnLetter } from "../core/cells/sheetGrid";

export interface AlertsInput {
  readonly asOf: CalendarDate;
  readonly mapping: RegisterMapping;
  readonly grouped: GroupedFindings;
  /** The workbook as read for the check. */
  readonly grids: readonly SheetGrid[];
  readonly settings: AddinSettings | null;
  /** Show the "Alertes" sheet at the end (the ribbon's "Vérifier", which has no pane to show them). */
  readonly activate?: boolean;
}

export interface AlertsPlan {
  readonly plan: WorkbookPlan;
  /** Cells of the add-in's columns left alone because a user typed in them. */
  readonly keptCells: readonly CellLocation[];
  /** Findings by severity, as the sheet's subtitle counts them. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

/**
 * First row of the findings table (0-based), its header: title, subtitle, note, blank line above
 * it. What the pane's "Ouvrir la feuille Alertes" selects.
 */
export const ALERTS_TABLE_ROW = 4;
const TABLE_ROW = ALERTS_TABLE_ROW;
const COLUMN_WIDTHS = [16, 12, 34, 16, 18, 90];
/** Widths of the add-in's columns beside the conventions: an alert reads whole, a date fits. */
const ALERT_COLUMN_WIDTH = 44;
const NEXT_COMMITTEE_WIDTH = 15;

/**
 * The plan of one "Vérifier": the "Alertes" sheet, the add-in's columns, and its settings (which
 * columns are its own).
 * @example planAlerts({ asOf, mapping, grouped, grids, settings: null }).plan.replaceSheets?.[0].name // "Alertes"
 */
export function planAlerts(input: AlertsInput): AlertsPlan {
  const findings = [...input.grouped.sections.flatMap((s) => s.findings), ...input.grouped.orphans];
  const bySeverity: Record<Severity, number> = { late: 0, soon: 0, data: 0 };
  for (const finding of findings) bySeverity[FINDING_SEVERITY[finding.code]] += 1;

  const columns = placeOwnColumns(input);
  const keptCells: CellLocation[] = [];
  const blocks = columns === null ? [] : ownColumnBlocks(input, columns, keptCells);
  const settings: AddinSettings = updateSettings(input.settings, { ownColumns: columns });
  return {
    plan: {
      replaceSheets: [alertsSheet(input.asOf, findings, bySeverity, input.mapping), settingsSheet(settings)],
      blocks,
      ...(input.activate === true ? { activate: ALERTS_SHEET } : {}),
    },
    keptCells,
    bySeverity,
  };
}

function alertsSheet(asOf: CalendarDate, findings: readonly Finding[], bySeverity: Record<Severity, number>, mapping: RegisterMapping): SheetDraft {
  const spec = { name: ALERTS_SHEET, title: ALERTS.title, subtitle: ALERTS.subtitle(asOf, bySeverity), note: ALERTS.note, lead: [], tableName: "RegistreAlertes" };
  return findingsSheet(
    spec,
    findings.map((finding) => ({ finding, lead: [], link: finding.location === undefined ? undefined : linkTo(finding.location, mapping) })),
  );
}

/** The layout of a sheet of findings: the add-in's "Alertes", or a consolidation's, with its register columns in front. */
export interface FindingsSheetSpec {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly note: string;
  /** Columns before the six of the findings (the register and the service of a consolidation): header and width. */
  readonly lead: readonly { readonly header: string; readonly width: number }[];
  readonly tableName: string;
}

/** One finding of the sheet: its lead cells, and where its "Où" cell links (none for a finding without a place). */
export interface FindingLine {
  readonly finding: Finding;
  readonly lead: readonly DraftCell[];
  readonly link: CellLink | undefined;
}

/**
 * A sheet of findings: title, subtitle and note, then one table row per finding (convention,
 * severity, alert, period or date, where with its link, message), late ones in red, soon ones in
 * amber, printed A4 landscape one page wide with the header on every page.
 */
export function findingsSheet(spec: FindingsSheetSpec, lines: readonly FindingLine[]): SheetDraft {
  const rows: DraftCell[][] = [
    [textCell(spec.title, { style: "title" })],
    [textCell(spec.subtitle, { style: "subtitle" })],
    [textCell(spec.note, { style: "muted" })],
    [],
  ];
  const base: SheetDraft = {
    name: spec.name,
    rows,
    columnWidths: [...spec.lead.map((l) => l.width), ...COLUMN_WIDTHS],
    print: { landscape: true, fitToWidth: true, repeatRows: { first: TABLE_ROW, last: TABLE_ROW }, footer: PAGE_FOOTER },
  };
  if (lines.length === 0) return base;
  const headers = [...spec.lead.map((l) => l.header), ...ALERTS.headers];
  rows.push(headers.map((h) => textCell(h, { style: "header" })));
  for (const line of lines) rows.push([...line.lead, ...findingRow(line.finding, line.link)]);
  const tableArea = { row: TABLE_ROW, column: 0, rowCount: lines.length + 1, columnCount: headers.length };
  const severityArea = { row: TABLE_ROW + 1, column: spec.lead.length + 1, rowCount: lines.length, columnCount: 1 };
  return {
    ...base,
    tables: [{ name: spec.tableName, area: tableArea }],
    conditionalFormats: [
      { area: severityArea, style: "late", whenTextContains: SEVERITY_LABELS.late },
      { area: severityArea, style: "soon", whenTextContains: SEVERITY_LABELS.soon },
    ],
    frozenRows: TABLE_ROW + 1,
  };
}

function findingRow(finding: Finding, link: CellLink | undefined): DraftCell[] {
  const where = finding.location === undefined ? null : textCell(cellPlace(finding.location), link === undefined ? {} : { link });
  return [
    textCell(finding.conventionId ?? ALERTS.noConvention),
    textCell(SEVERITY_LABELS[FINDING_SEVERITY[finding.code]]),
    textCell(FINDING_LABELS[finding.code]),
    periodOrDate(finding),
    where,
    textCell(findingMessage(finding), { wrap: true }),
  ];
}

function periodOrDate(finding: Finding): DraftCell {
  const period = findingPeriod(finding);
  if (period !== undefined) return textCell(period.label);
  const date = findingDate(finding);
  if (date === undefined) return null;
  const serial = dateToSerial(date);
  // Left-aligned like the period labels of the same column.
  return serial.ok ? dateCell(serial.value, { align: "left" }) : null;
}

/** The cell a finding is about, or the first mapped column of its row. */
function linkTo(location: CellLocation, mapping: RegisterMapping): CellLink {
  const table = [mapping.conventions, mapping.committees, mapping.deadlines, mapping.amendments].find((t) => t?.sheet === location.sheet);
  const firstColumn = table === undefined || table === null ? 0 : Math.min(...Object.values(table.columns).map((c) => c.index));
  const column = location.column === undefined ? null : columnIndex(location.column);
  return { sheet: location.sheet, row: location.row - 1, column: column ?? firstColumn };
}

// ---------------------------------------------------------------------------------------------
// The add-in's own columns beside the conventions
// ---------------------------------------------------------------------------------------------

function placeOwnColumns(input: AlertsInput): OwnColumns | null {
  const table = input.mapping.conventions;
  const grid = input.grids.find((g) => g.name === table.sheet);
  if (grid === undefined) return null;
  const header = grid.values[table.headerRow - 1] ?? [];
  const known = input.settings?.ownColumns;
  if (known !== null && known !== undefined && known.sheet === table.sheet) {
    const alert = columnIndex(known.alert);
    const next = columnIndex(known.nextCommittee);
    const stillOurs = (index: number | null, title: string): boolean => {
      const value = index === null ? undefined : (header[index] ?? null);
      return value === null || value === "" || value === title;
    };
    if (stillOurs(alert, ALERTS.alertColumn) && stillOurs(next, ALERTS.nextCommitteeColumn)) return known;
  }
  // New columns after everything the sheet holds in any row down to the register's last one:
  // nothing of the user's is under them (a value far below the register, a stray XFD1048576, is
  // not in the rows written). None when the sheet has no room left on the right.
  const last = lastRegisterRow(input, []);
  let width = 0;
  for (let r = 0; r <= last && r < grid.values.length; r++) width = Math.max(width, lastFilled(grid.values[r] ?? []) + 1);
  if (width + 1 >= MAX_COLUMNS) return null;
  return { sheet: table.sheet, alert: columnLetter(width), nextCommittee: columnLetter(width + 1) };
}

/** Excel's columns: A to XFD. */
const MAX_COLUMNS = 16_384;

/**
 * The conventions' last row (0-based): the last that holds something in the register's columns
 * (every convention's row does) or in the add-in's own ones (`own`, their indexes); at least the
 * header's. What lies further down in other columns is not the register's.
 */
function lastRegisterRow(input: AlertsInput, own: readonly (number | null)[]): number {
  const table = input.mapping.conventions;
  const columns = [...Object.values(table.columns).map((c) => c.index), ...own];
  let last = table.headerRow - 1;
  input.grids
    .find((g) => g.name === table.sheet)
    ?.values.forEach((row, r) => {
      if (r > last && columns.some((c) => c !== null && (row[c] ?? "") !== "")) last = r;
    });
  return last;
}

function lastFilled(row: readonly unknown[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (row[c] !== null && row[c] !== "") return c;
  return -1;
}

function ownColumnBlocks(input: AlertsInput, columns: OwnColumns, keptCells: CellLocation[]): CellBlock[] {
  const table = input.mapping.conventions;
  const grid = input.grids.find((g) => g.name === table.sheet);
  const headerRow = table.headerRow - 1;
  const byRow = new Map<number, { summary: ConventionSummary; findings: readonly Finding[] }>();
  for (const section of input.grouped.sections) {
    if (section.summary.source?.sheet === table.sheet) byRow.set(section.summary.source.row - 1, section);
  }
  const lastRow = lastRegisterRow(input, [columnIndex(columns.alert), columnIndex(columns.nextCommittee)]);
  const alertCells: DraftCell[] = [textCell(ALERTS.alertColumn, { style: "header" })];
  const nextCells: DraftCell[] = [textCell(ALERTS.nextCommitteeColumn, { style: "header" })];
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const section = byRow.get(row);
    alertCells.push(section === undefined ? null : alertCell(section.findings));
    nextCells.push(section === undefined ? null : nextCommitteeCell(section.summary, section.findings));
  }
  const current = (letter: string, row: number): unknown => {
    const index = columnIndex(letter);
    return index === null ? null : (grid?.values[row]?.[index] ?? null);
  };
  const isOurAlert = (value: unknown, row: number): boolean =>
    value === null || value === "" || (row === headerRow ? value === ALERTS.alertColumn : typeof value === "string" && Object.values(SEVERITY_LABELS).some((l) => value.startsWith(`${l} : `)));
  const isOurDate = (value: unknown, row: number): boolean =>
    value === null || value === "" || (row === headerRow ? value === ALERTS.nextCommitteeColumn : typeof value === "number");
  const alertArea = { row: headerRow + 1, column: columnIndex(columns.alert) ?? 0, rowCount: Math.max(1, lastRow - headerRow), columnCount: 1 };
  const [first, ...rest] = columnBlocks(table.sheet, columns.alert, headerRow, alertCells, (row) => isOurAlert(current(columns.alert, row), row), keptCells);
  const [firstNext, ...restNext] = columnBlocks(table.sheet, columns.nextCommittee, headerRow, nextCells, (row) => isOurDate(current(columns.nextCommittee, row), row), keptCells);
  const alerts =
    first === undefined
      ? []
      : [
          {
            ...first,
            columnWidths: [ALERT_COLUMN_WIDTH],
            conditionalFormats: [
              { area: alertArea, style: "late" as const, whenTextContains: `${SEVERITY_LABELS.late} : ` },
              { area: alertArea, style: "soon" as const, whenTextContains: `${SEVERITY_LABELS.soon} : ` },
            ],
          },
          ...rest,
        ];
  const next = firstNext === undefined ? [] : [{ ...firstNext, columnWidths: [NEXT_COMMITTEE_WIDTH] }, ...restNext];
  return [...alerts, ...next];
}

function alertCell(findings: readonly Finding[]): DraftCell {
  const worst = findings[0];
  if (worst === undefined) return null;
  return textCell(ALERTS.alertCell(FINDING_SEVERITY[worst.code], FINDING_LABELS[worst.code], findings.length - 1));
}

function nextCommitteeCell(summary: ConventionSummary, findings: readonly Finding[]): DraftCell {
  if (summary.nextCommitteeDue === null) return null;
  const serial = dateToSerial(summary.nextCommitteeDue);
  if (!serial.ok) return null;
  const due = findings.some((f) => f.code === "committee_due");
  return dateCell(serial.value, due ? { style: "soon" } : {});
}

/**
 * One column's cells as blocks of consecutive writable rows: a cell the user typed in splits the
 * column and is recorded as kept.
 */
function columnBlocks(
  sheet: string,
  letter: string,
  firstRow: number,
  cells: readonly DraftCell[],
  writable: (row: number) => boolean,
  keptCells: CellLocation[],
): CellBlock[] {
  const column = columnIndex(letter) ?? 0;
  const blocks: CellBlock[] = [];
  let run: DraftCell[][] = [];
  let runStart = firstRow;
  const flush = (): void => {
    if (run.length > 0) blocks.push({ sheet, row: runStart, column, cells: run });
    run = [];
  };
  cells.forEach((cell, i) => {
    const row = firstRow + i;
    if (!writable(row)) {
      flush();
      keptCells.push({ sheet, row: row + 1, column: letter });
      runStart = row + 1;
      return;
    }
    if (run.length === 0) runStart = row;
    run.push([cell]);
  });
  flush();
  return blocks;
}
