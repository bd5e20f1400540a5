/**
 * The `registre` command line: `verifier` (a file or a folder), `consolider`, `demo`, `rapport`, `comite`, `importer`, `ics`, `aide`. `main` takes the arguments and its
 * outputs as parameters and returns the exit code, so the tests run it in-process; `runFromProcess`
 * wires it to the real process (bin/registre.js). The commands that write a workbook load their
 * modules (and ExcelJS, a quarter of a second) when they run: `verifier`, `ics` and `importer`
 * start without it.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { parseDateText } from "../core/text/parseDateText";
import { dateToSerial } from "../core/dates/excelSerial";
import { defaultReportYear, parseReportYear } from "../core/report/annualReport";
import { errorMessage } from "../i18n/fr";
import { DEMO_DEFAULT_FILE, USAGE, cliErrorMessage, unexpectedErrorMessage } from "../i18n/cli.fr";
import { today } from "../runtime/today";
import { CliError } from "./cliError";
import { exportCalendar } from "./exportCalendar";
import { importDeliberation } from "./importDeliberation";
import { parseArgs } from "./parseArgs";
import { jsonControls, jsonText, terminalLine } from "./terminalText";
import { verifyWorkbook } from "./verifyWorkbook";
import { ReportChoice } from "../plans/reportPlan";
import { Progress, ProgressLine, folderProgress, progressLine } from "./progress";
import { FOLDER } from "../i18n/folder.fr";
import { isFolder } from "./registerFolder";
import { verifyFolder } from "./verifyFolder";
import { defaultWorkers } from "./workerPool";

export interface CliIo {
  /** One line of the standard output (without its line end). */
  out(line: string): void;
  /** One line of the error output (without its line end). */
  err(line: string): void;
  /** Today's date, read only when --date is not given. */
  today(): CalendarDate;
  /** A progress line about a file being read (on a terminal only); absent: none. */
  progress?(file: string): Progress;
  /** The progress line of a long run (a folder of registers); absent when no terminal watches. */
  readonly folderProgress?: ProgressLine | null;
}

/** The check ran (alerts or not). */
export const EXIT_OK = 0;
/** A failure nobody foresaw: a bug. */
export const EXIT_UNEXPECTED = 1;
/** The input cannot be used; the reason is on the error output. */
export const EXIT_UNUSABLE = 2;

/**
 * Runs the command line.
 * @example await main(["verifier", "registre.xlsx", "--date", "2026-11-29", "--json"], io) // 0, one JSON object written to io.out
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Lines carry the register's text: its control characters are shown, never sent to the terminal.
  const out = (line: string): void => io.out(terminalLine(line));
  const err = (line: string): void => io.err(terminalLine(line));
  const fail = (error: CliError): number => {
    if (error.code === "no_command") USAGE.forEach(err);
    cliErrorMessage(error).split("\n").forEach(err);
    return EXIT_UNUSABLE;
  };
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return fail(parsed.error);
    const command = parsed.command;
    if (command.kind === "help") {
      USAGE.forEach(out);
      return EXIT_OK;
    }
    if (command.kind === "import") {
      const imported = await importDeliberation(command.file);
      if (!imported.ok) return fail(imported.error);
      imported.warnings.forEach(err);
      if (command.json) io.out(jsonText(imported.json, 2));
      else imported.lines.forEach(out);
      return EXIT_OK;
    }
    const asOf = readAsOf(command.date, io);
    if (!asOf.ok) return fail(asOf.error);

    if (command.kind === "demo") {
      const file = command.file ?? DEMO_DEFAULT_FILE;
      const { writeDemoWorkbook } = await import("./writeDemoWorkbook");
      const written = await writeDemoWorkbook(file, asOf.date);
      if (!written.ok) return fail(written.error);
      written.lines.forEach(out);
      out("");
      const checked = await verifyWorkbook({ file, asOf: asOf.date, mappingFile: null });
      if (!checked.ok) return fail(checked.error);
      checked.lines.forEach(out);
      return EXIT_OK;
    }

    if (command.kind === "ics") {
      const { file, output, mappingFile, replace } = command;
      const exported = await exportCalendar({ file, output, asOf: asOf.date, mappingFile, replace });
      if (!exported.ok) return fail(exported.error);
      exported.lines.forEach(out);
      return EXIT_OK;
    }

    if (command.kind === "report" || command.kind === "committee") {
      let report: ReportChoice;
      if (command.kind === "report") {
        const year = parseReportYear(command.year, asOf.date);
        if (!year.ok) return fail({ code: "invalid_year", value: command.year, detail: errorMessage(year.error) });
        report = { kind: "annual", year: year.value };
      } else {
        report = { kind: "committee", conventionId: command.conventionId };
      }
      const { file, output, mappingFile, replace, authority } = command;
      const { writeReport } = await import("./writeReport");
      const written = await writeReport({ file, output, mappingFile, replace, asOf: asOf.date, report, authority });
      if (!written.ok) return fail(written.error);
      written.lines.forEach(out);
      return EXIT_OK;
    }

    if (command.kind === "consolidate") {
      const workers = readWorkers(command.workers);
      if (!workers.ok) return fail(workers.error);
      const year = command.year === null ? { ok: true as const, value: defaultReportYear(asOf.date) } : parseReportYear(command.year, asOf.date);
      if (!year.ok) return fail({ code: "invalid_year", value: command.year ?? "", detail: errorMessage(year.error) });
      const { folder, output, replace, recursive, json, mappingFile, authority } = command;
      const { consolidateFolder } = await import("./consolidateFolder");
      const made = await consolidateFolder({ folder, output, replace, recursive, json, mappingFile, authority, asOf: asOf.date, year: year.value, workers: workers.value, progress: command.json ? null : (io.folderProgress ?? null) });
      if (!made.ok) return fail(made.error);
      if (json) io.out(jsonText(made.json, 2));
      else made.lines.forEach(out);
      if (made.written) return EXIT_OK;
      err(FOLDER.noneReadable(made.json.summary.registers));
      return EXIT_UNUSABLE;
    }

    if (command.recursive === true || command.workers !== undefined) {
      if (!(await isFolder(command.file))) return fail({ code: "option_needs_folder", value: command.recursive === true ? "--recursif" : "--processus" });
    }
    if (await isFolder(command.file)) {
      const workers = readWorkers(command.workers ?? null);
      if (!workers.ok) return fail(workers.error);
      const { file: folder, json, mappingFile } = command;
      const checkedFolder = await verifyFolder({ folder, recursive: command.recursive === true, json, mappingFile, asOf: asOf.date, workers: workers.value, progress: command.json ? null : (io.folderProgress ?? null) });
      if (!checkedFolder.ok) return fail(checkedFolder.error);
      if (checkedFolder.json !== null) io.out(jsonText(checkedFolder.json, 2));
      else checkedFolder.lines.forEach(out);
      if (checkedFolder.anyChecked) return EXIT_OK;
      err(FOLDER.noneReadable(checkedFolder.summary.registers));
      return EXIT_UNUSABLE;
    }

    // The progress line, never with --json (whose reader may be a terminal too).
    const progress = command.json ? undefined : io.progress?.(command.file);
    const checked = await verifyWorkbook({ file: command.file, asOf: asOf.date, mappingFile: command.mappingFile }, { onProgress: progress?.update });
    progress?.end();
    if (!checked.ok) return fail(checked.error);
    if (command.json) writeJsonPieces(checked.jsonPieces(), io);
    else for (const line of checked.linePieces()) out(line);
    return EXIT_OK;
  } catch (error) {
    unexpectedErrorMessage(error instanceof Error ? (error.stack ?? error.message) : String(error))
      .split("\n")
      .forEach(err);
    return EXIT_UNEXPECTED;
  }
}

/** JSON text given in pieces of whole lines: each written by one io.out, which ends it with the line end. */
function writeJsonPieces(pieces: Iterable<string>, io: CliIo): void {
  for (const piece of pieces) io.out(jsonControls(piece));
}

/**
 * asOf: the --date given (AAAA-MM-JJ, JJ/MM/AAAA, or any form the core reads), else today. A day
 * Excel has no serial for (before 01/01/1900, after 31/12/9999) is refused: the check compares
 * the register's dates, all Excel's, with it.
 */
function readAsOf(text: string | null, io: CliIo): { ok: true; date: CalendarDate } | { ok: false; error: CliError } {
  if (text === null) return { ok: true, date: io.today() };
  const parsed = parseDateText(text);
  if (!parsed.ok) return { ok: false, error: { code: "invalid_date", value: text, detail: errorMessage({ ...parsed.error, field: "asOf" }) } };
  const serial = dateToSerial(parsed.value);
  if (!serial.ok) return { ok: false, error: { code: "invalid_date", value: text, detail: errorMessage({ ...serial.error, value: text, field: "asOf" }) } };
  return { ok: true, date: parsed.value };
}

/** A second before the progress line shows; REGISTRE_PROGRESS_MS sets another delay (the terminal test uses 0). */
function progressDelayMs(): number {
  const asked = Number(process.env.REGISTRE_PROGRESS_MS);
  return Number.isFinite(asked) && asked >= 0 ? asked : 1000;
}

/** --processus: how many registers are checked at once, one per core by default. */
function readWorkers(text: string | null): { ok: true; value: number } | { ok: false; error: CliError } {
  if (text === null) return { ok: true, value: defaultWorkers() };
  const value = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || value < 1 || value > 64) return { ok: false, error: { code: "invalid_workers", value: text } };
  return { ok: true, value };
}

/** The process's own arguments, outputs and clock; sets the exit code without cutting the output short. */
export async function runFromProcess(): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: not an error of the command.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    today,
    ...(process.stderr.isTTY ? { progress: (file: string) => progressLine(process.stderr, file, () => performance.now(), progressDelayMs()) } : {}),
    folderProgress: folderProgress(process.stderr),
  });
}

// `node lib/cli/main.js …` works as well as bin/registre.js.
if (require.main === module) void runFromProcess();
