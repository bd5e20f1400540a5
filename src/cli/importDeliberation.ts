/**
 * `registre importer`: the text of a deliberation read from a file (src/cli/readTextFile.ts: a
 * regular file of at most 2 MB, UTF-8, UTF-16 or Windows' own encoding; or the text layer of a PDF:
 * readPdfDeliberation.ts), its fields extracted by the core, and the review printed for a person or
 * as JSON, with the register rows it would add. Nothing is written.
 */
import { CalendarDate, toIsoDate } from "../core/dates/calendarDate";
import { Extracted } from "../core/deliberation/extracted";
import { DELIBERATION_FIELDS, DeliberationExtraction, DeliberationField, extractDeliberation, hasAnyField } from "../core/deliberation/extractDeliberation";
import { DeliberationRows, RowValues, deliberationRows, suggestReference } from "../core/deliberation/deliberationRows";
import { serialToDate } from "../core/dates/excelSerial";
import { TableKey, TABLES, tableFields } from "../core/register/registerSchema";
import { CellValue } from "../core/cells/sheetGrid";
import { formatDateFr } from "../i18n/fr";
import {
  CONFIDENCE_LABELS,
  DELIBERATION_FIELD_LABELS,
  IMPORT_REVIEW,
  describeExtractedValue,
  extractionNoteMessage,
  formatEuros,
  formatMonthsFr,
  otherPassages,
} from "../i18n/deliberation.fr";
import { pdfReadSummary } from "../i18n/pdf.fr";
import { CliError } from "./cliError";
import { readPdfDeliberation } from "./readPdfDeliberation";
import { readTextFile } from "./readTextFile";

export interface JsonExtracted {
  /** Dates as "AAAA-MM-JJ"; the term and obligations as objects. */
  readonly value: unknown;
  /** The value as the review shows it. */
  readonly shown?: string;
  readonly sentence: string | null;
  readonly confidence: Extracted<unknown>["confidence"];
  readonly confidenceLabel: string;
  /** Each note's code, its facts as JSON (dates as "AAAA-MM-JJ") and its sentence. */
  readonly notes: readonly { readonly code: string; readonly message: string }[];
}

export interface JsonImport {
  readonly file: string;
  readonly reference: string;
  readonly fields: Readonly<Record<DeliberationField, JsonExtracted>>;
  readonly deliberationNumbers: readonly { readonly number: string; readonly own: boolean; readonly date: string | null; readonly sentence: string }[];
  readonly recurring: readonly JsonExtracted[];
  readonly milestones: readonly JsonExtracted[];
  /** The rows the pane appends after confirmation: field key → cell value (dates as Excel serials). */
  readonly rows: DeliberationRows;
  /** A PDF's pages, and those without text (images, not read): only when the file is a PDF. */
  readonly pdf?: { readonly pages: number; readonly pagesWithoutText: readonly number[] };
}

export type Imported =
  | {
      readonly ok: true;
      /** What the reading of the file noticed (bytes that were not UTF-8), for the error output. */
      readonly warnings: string[];
      readonly lines: string[];
      readonly json: JsonImport;
    }
  | { readonly ok: false; readonly error: CliError };

function isDate(value: unknown): value is CalendarDate {
  return typeof value === "object" && value !== null && "year" in value && "month" in value && "day" in value;
}

/** A value for JSON: every calendar date as "AAAA-MM-JJ". */
function plain(value: unknown): unknown {
  if (isDate(value)) return toIsoDate(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function jsonExtracted(read: Extracted<unknown>, field: DeliberationField | "recurring" | "milestones", shown?: string): JsonExtracted {
  return {
    value: plain(read.value),
    ...(shown === undefined ? {} : { shown }),
    sentence: read.sentence,
    confidence: read.confidence,
    confidenceLabel: CONFIDENCE_LABELS[read.confidence],
    notes: read.notes.map((note) => ({ ...(plain(note) as { code: string }), message: extractionNoteMessage(field, note) })),
  };
}

/** A cell of a proposed row as a person reads it. */
function showCell(table: TableKey, key: string, value: CellValue): string {
  const kind = tableFields(table).find((f) => f.key === key)?.kind;
  if (kind === "date" && typeof value === "number") {
    const date = serialToDate(value);
    return date.ok ? formatDateFr(date.value) : String(value);
  }
  if (kind === "amount" && typeof value === "number") return formatEuros(value);
  if (kind === "duration" && typeof value === "number") return `${value} (${formatMonthsFr(value)})`;
  return String(value);
}

function rowCells(table: TableKey, row: RowValues): { label: string; value: string }[] {
  return tableFields(table)
    .filter((f) => row[f.key] !== null && row[f.key] !== undefined)
    .map((f) => ({ label: f.label, value: showCell(table, f.key, row[f.key]) }));
}

function reviewLines(file: string, extraction: DeliberationExtraction, reference: string, rows: DeliberationRows): string[] {
  const lines = [IMPORT_REVIEW.heading(file), ""];
  const explain = (read: Extracted<unknown>, field: DeliberationField | "recurring" | "milestones"): void => {
    if (read.sentence !== null) lines.push(IMPORT_REVIEW.sentence(read.sentence));
    for (const note of read.notes) {
      lines.push(IMPORT_REVIEW.note(extractionNoteMessage(field, note)));
      // The other passages that give another value, quoted under this one: both can be checked.
      otherPassages(field, note).forEach((other) => lines.push(IMPORT_REVIEW.otherPassage(other.value, other.sentence)));
    }
  };
  for (const field of DELIBERATION_FIELDS) {
    const read = extraction[field];
    lines.push(IMPORT_REVIEW.field(DELIBERATION_FIELD_LABELS[field], describeExtractedValue(extraction, field), read.confidence));
    explain(read, field);
  }
  lines.push("", IMPORT_REVIEW.citedHeading);
  if (extraction.deliberationNumbers.length === 0) lines.push(IMPORT_REVIEW.noneFound);
  extraction.deliberationNumbers.forEach((n) => lines.push(IMPORT_REVIEW.cited(n.number, n.date, n.own)));
  lines.push("", IMPORT_REVIEW.recurringHeading);
  if (extraction.recurring.length === 0) lines.push(IMPORT_REVIEW.noneFound);
  for (const read of extraction.recurring) {
    if (read.value === null) continue;
    lines.push(IMPORT_REVIEW.recurring(read.value.label, read.value.text, read.value.months, read.confidence));
    explain(read, "recurring");
  }
  lines.push("", IMPORT_REVIEW.milestonesHeading);
  if (extraction.milestones.length === 0) lines.push(IMPORT_REVIEW.noneFound);
  for (const read of extraction.milestones) {
    if (read.value === null) continue;
    lines.push(IMPORT_REVIEW.milestone(read.value.label, read.value.text, read.confidence));
    explain(read, "milestones");
  }
  lines.push("", IMPORT_REVIEW.rowsHeading(reference), IMPORT_REVIEW.tableHeading(TABLES.conventions.label));
  rowCells("conventions", rows.conventions).forEach((c) => lines.push(IMPORT_REVIEW.cell(c.label, c.value)));
  lines.push(IMPORT_REVIEW.tableHeading(TABLES.deadlines.label));
  if (rows.deadlines.length === 0) lines.push(IMPORT_REVIEW.noneFound);
  rows.deadlines.forEach((row, i) =>
    lines.push(
      IMPORT_REVIEW.deadlineRow(
        i + 1,
        rowCells("deadlines", row)
          .map((c) => `${c.label} : ${c.value}`)
          .join(" ; "),
      ),
    ),
  );
  lines.push("", IMPORT_REVIEW.nothingWritten);
  return lines;
}

/**
 * Reads and reviews the deliberation in `file`.
 * @example (await importDeliberation("deliberation.txt")).ok // true
 */
export async function importDeliberation(file: string): Promise<Imported> {
  const read = await readTextFile(file);
  if (!read.ok) {
    const { error } = read;
    // A PDF over its bound is said as the PDF reader says it (its limits, in the same words as the pane's).
    if (error.code === "text_file_too_large" && error.pdf === true) {
      return { ok: false, error: { code: "pdf_unreadable", path: file, problem: { kind: "over_limit", limit: "bytes", max: error.max, actual: error.bytes } } };
    }
    return { ok: false, error };
  }
  let text: string;
  let pdf: { readonly pages: number; readonly pagesWithoutText: readonly number[] } | null = null;
  if (read.kind === "pdf") {
    const fromPdf = await readPdfDeliberation(read.bytes, file);
    if (!fromPdf.ok) return fromPdf;
    text = fromPdf.text;
    pdf = { pages: fromPdf.pageCount, pagesWithoutText: fromPdf.pagesWithoutText };
  } else {
    text = read.text;
  }
  const extraction = extractDeliberation(text);
  if (!hasAnyField(extraction)) return { ok: false, error: { code: "not_a_deliberation", path: file } };
  const reference = suggestReference(extraction);
  const rows = deliberationRows(extraction, { reference });
  const fields = Object.fromEntries(
    DELIBERATION_FIELDS.map((field) => [field, jsonExtracted(extraction[field], field, describeExtractedValue(extraction, field))]),
  ) as Record<DeliberationField, JsonExtracted>;
  const lines = reviewLines(file, extraction, reference, rows);
  return {
    ok: true,
    warnings: read.kind === "text" && read.replaced > 0 ? [IMPORT_REVIEW.invalidUtf8(file, read.replaced)] : [],
    // What was read of a PDF comes under the heading.
    lines: pdf === null ? lines : [lines[0], pdfReadSummary(pdf.pages, pdf.pagesWithoutText), ...lines.slice(1)],
    json: {
      file,
      reference,
      fields,
      deliberationNumbers: extraction.deliberationNumbers.map((n) => ({ ...n, date: n.date === null ? null : toIsoDate(n.date) })),
      recurring: extraction.recurring.map((r) => jsonExtracted(r, "recurring")),
      milestones: extraction.milestones.map((m) => jsonExtracted(m, "milestones")),
      rows,
      ...(pdf === null ? {} : { pdf }),
    },
  };
}
