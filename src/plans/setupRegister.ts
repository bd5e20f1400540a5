/**
 * A new register in a blank workbook: the four tables of the schema (Conventions, Comités,
 * Échéances, Avenants) as Excel tables with the French headers, what each column accepts (data
 * validation), its number format, formula columns that use the add-in's own functions, and the
 * example row of the deliberation (TEAM2). The headers come from registerSchema: a register made
 * here is found again by the detection without a question.
 */
import { PAGE_FOOTER } from "../i18n/fr";
import { SETUP } from "../i18n/register.fr";
import { dateToSerial } from "../core/dates/excelSerial";
import { COMMITTEE_TYPE_LABELS, DEADLINE_KIND_LABELS, FieldSpec, TABLES, TABLE_KEYS, TableKey, tableFields } from "../core/register/registerSchema";
import { Area, DraftCell, NumberFormat, SheetDraft, ValidationDraft, ValidationRule, WorkbookPlan, dateCell, numberCell, textCell } from "./sheetDraft";
import { ExampleRow, TEAM2_CONVENTION, TEAM2_DEADLINES } from "../core/register/team2Example";
import { FunctionLanguage, functionName } from "./functionNames";

/** Rows below the header that receive the validations and formats, ready for typing. */
export const SETUP_ROWS = 500;


/** A structured reference to a column of the current row: [@[Date de notification]]. */
function here(label: string): string {
  return `[@[${label.replace(/([[\]#'])/g, "'$1")}]]`;
}

function label(table: TableKey, key: string): string {
  const field = tableFields(table).find((f) => f.key === key);
  if (field === undefined) throw new Error(`No field ${key} in ${table}`);
  return field.label;
}

/**
 * The conventions' formula columns: each a French header and its formula (blank while its inputs
 * are), calling the add-in's functions by their names in `language` (the metadata Excel loaded).
 */
export function computedColumns(language: FunctionLanguage = "fr"): { header: string; formula: string; format?: NumberFormat }[] {
  const start = here(label("conventions", "start"));
  const duration = here(label("conventions", "duration"));
  const end = here(label("conventions", "end"));
  const notice = here(label("conventions", "noticeMonths"));
  const transmission = here(label("conventions", "transmissionDate"));
  const publication = here(label("conventions", "publicationDate"));
  const id = here(label("conventions", "id"));
  const computedEnd = here(SETUP.computed.end);
  const committees = TABLES.committees.tableName;
  const committeeDates = `${committees}[${label("committees", "date")}]`;
  const committeeRefs = `${committees}[${label("committees", "conventionId")}]`;
  const committeeTypes = `${committees}[${label("committees", "type")}]`;
  const steering = `"${COMMITTEE_TYPE_LABELS.steering}"`;
  const effectiveEnd = `IF(${end}="",${computedEnd},${end})`;
  return [
    { header: SETUP.computed.end, formula: `=IF(OR(${start}="",${duration}=""),"",${functionName("END_DATE", language)}(${start},${duration}))`, format: "date" },
    {
      header: SETUP.computed.enforceable,
      formula: `=IF(OR(${transmission}="",${publication}=""),"",${functionName("ENFORCEABLE_DATE", language)}(${transmission},${publication}))`,
      format: "date",
    },
    { header: SETUP.computed.status, formula: `=IF(${start}="","",${functionName("STATUS", language)}(${start},${effectiveEnd},,${notice}))` },
    {
      header: SETUP.computed.missing,
      formula:
        `=IF(${start}="","",${functionName("MISSING_COMMITTEES", language)}(${start},${effectiveEnd},` +
        `FILTER(${committeeDates},(${committeeRefs}=${id})*((${committeeTypes}=${steering})+(${committeeTypes}="")),"")))`,
    },
  ];
}

function validationFor(field: FieldSpec): { rule: ValidationRule; message: string } | null {
  switch (field.kind) {
    case "date":
      return { rule: { kind: "date" }, message: SETUP.validation.date(field.label) };
    case "months":
      return { rule: { kind: "wholeNumber", min: 0 }, message: SETUP.validation.months(field.label) };
    case "amount":
      return { rule: { kind: "decimal", min: 0 }, message: SETUP.validation.amount(field.label) };
    case "committeeType":
      return { rule: { kind: "list", values: Object.values(COMMITTEE_TYPE_LABELS) }, message: SETUP.validation.list(field.label) };
    case "deadlineKind":
      return { rule: { kind: "list", values: Object.values(DEADLINE_KIND_LABELS) }, message: SETUP.validation.list(field.label) };
    default:
      return null;
  }
}

function exampleCell(field: FieldSpec, value: ExampleRow[string] | undefined): DraftCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") {
    const serial = dateToSerial(value);
    return serial.ok ? dateCell(serial.value) : null;
  }
  if (typeof value === "number") return numberCell(value, field.kind === "amount" ? "amount" : undefined);
  if (typeof value === "boolean") return { kind: "boolean", value };
  return textCell(value, field.kind === "text" && value.length > 40 ? { wrap: true } : {});
}

const WIDTHS: Partial<Record<FieldSpec["kind"], number>> = { date: 13, months: 10, amount: 13, duration: 11, siret: 19 };

function tableSheet(table: TableKey, examples: readonly ExampleRow[], language: FunctionLanguage): SheetDraft {
  const fields = tableFields(table);
  const computed = table === "conventions" ? computedColumns(language) : [];
  const header = [...fields.map((f) => textCell(f.label, { style: "header" })), ...computed.map((c) => textCell(c.header, { style: "header" }))];
  const rows: DraftCell[][] = [header];
  for (const example of examples) {
    rows.push([...fields.map((f) => exampleCell(f, example[f.key])), ...computed.map((c) => ({ kind: "formula" as const, formula: c.formula, ...(c.format === undefined ? {} : { format: c.format }) }))]);
  }
  // An Excel table needs a data row: a blank one when there is no example.
  if (examples.length === 0) rows.push([]);
  const area: Area = { row: 0, column: 0, rowCount: rows.length, columnCount: header.length };
  const validations: ValidationDraft[] = [];
  fields.forEach((field, column) => {
    const validation = validationFor(field);
    if (validation !== null) validations.push({ area: { row: 1, column, rowCount: SETUP_ROWS, columnCount: 1 }, ...validation });
  });
  return {
    name: TABLES[table].label,
    rows,
    columnWidths: [...fields.map((f) => (f.kind === "text" ? Math.min(40, Math.max(14, f.label.length + 2)) : Math.max(WIDTHS[f.kind] ?? 12, f.label.length + 2))), ...computed.map((c) => c.header.length + 2)],
    tables: [{ name: TABLES[table].tableName, area }],
    validations,
    frozenRows: 1,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: 0, last: 0 }, footer: PAGE_FOOTER },
  };
}

/**
 * The plan that sets up a new register: four new sheets (a taken name gets " (2)"), the
 * conventions sheet shown at the end; its formulas call the functions by their names in
 * `language`, the language of the metadata Excel loaded (French by default).
 * @example setupRegisterPlan().addSheets?.map((s) => s.name) // ["Conventions", "Comités", "Échéances", "Avenants"]
 */
export function setupRegisterPlan(language: FunctionLanguage = "fr"): WorkbookPlan {
  const examples: Record<TableKey, readonly ExampleRow[]> = { conventions: [TEAM2_CONVENTION], committees: [], deadlines: TEAM2_DEADLINES, amendments: [] };
  return { addSheets: TABLE_KEYS.map((table) => tableSheet(table, examples[table], language)), activate: TABLES.conventions.label };
}
