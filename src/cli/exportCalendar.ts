/**
 * `registre ics`: the register of an .xlsx file checked at asOf, its upcoming deadlines written as
 * an iCalendar file in UTF-8. The output must end in .ics, is never the register itself, and an
 * existing file is replaced only when asked (--remplacer), as by the other commands.
 */
import { extname } from "node:path";
import { CalendarDate } from "../core/dates/calendarDate";
import { calendarEvents } from "../core/calendar/calendarEvents";
import { eventsIcs } from "../plans/eventsIcs";
import { eventSummary } from "../i18n/calendar.fr";
import { ICS_CLI } from "../i18n/cli.fr";
import { CliError } from "./cliError";
import { openRegisterFile } from "./openRegisterFile";
import { refuseOutput, writeOutput } from "./outputFile";

export interface CalendarRequest {
  readonly file: string;
  /** The .ics written. */
  readonly output: string;
  /** Replace the output file when it exists. */
  readonly replace: boolean;
  readonly asOf: CalendarDate;
  readonly mappingFile: string | null;
}

export type ExportedCalendar = { readonly ok: true; readonly lines: string[] } | { readonly ok: false; readonly error: CliError };

/**
 * Writes the .ics of the register's upcoming deadlines; the lines to print list them.
 * @example await exportCalendar({ file: "registre.xlsx", output: "echeances.ics", asOf: d("2026-03-01"), mappingFile: null, replace: false })
 *   // { ok: true, lines: ["4 échéances à venir au 01/03/2026 écrites dans « echeances.ics » (iCalendar, UTF-8).", …] }
 */
export async function exportCalendar(request: CalendarRequest): Promise<ExportedCalendar> {
  if (extname(request.output).toLowerCase() !== ".ics") return { ok: false, error: { code: "output_not_ics", path: request.output } };
  const refused = await refuseOutput({ input: request.file, output: request.output, replace: request.replace });
  if (refused !== null) return { ok: false, error: refused };
  const opened = await openRegisterFile(request.file, { asOf: request.asOf }, request.mappingFile);
  if (!opened.ok) return opened;
  const { register, check } = opened.checked;
  const events = calendarEvents(register, check, { asOf: request.asOf });
  const failed = await writeOutput(request.output, eventsIcs(events, request.asOf), request.replace);
  if (failed !== null) return { ok: false, error: failed };
  return {
    ok: true,
    lines: [ICS_CLI.written(events.length, request.output, request.asOf), ...events.map((e) => ICS_CLI.event(e.date, eventSummary(e))), ICS_CLI.registerUntouched],
  };
}
