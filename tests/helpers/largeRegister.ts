/**
 * Large generated registers, for the bench (bench/) and the scale tests: `count` conventions with
 * four comités each, their dates spread over the five years before asOf, the same for the same
 * arguments (a small seeded generator, no Math.random, no clock). Every row is a plausible one:
 * the legal path in order (vote, transmission, publication, notification), a term of 2 or 3 years
 * written as staff write it ("3 ans", 36, "2 ans"), the end date typed on half the rows, some dates
 * typed as French text, an amount on most.
 */
import { addMonthsClamped } from "../../src/core/dates/addMonthsClamped";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { addDays } from "../../src/core/dates/dayNumber";
import { endOfTerm } from "../../src/core/rules/endOfTerm";
import { dateToSerial } from "../../src/core/dates/excelSerial";
import { TABLES, TableKey, tableFields } from "../../src/core/register/registerSchema";
import { CellValue } from "../../src/core/cells/sheetGrid";
import { formatDateFr } from "../../src/i18n/fr";

export type GeneratedValue = string | number | CalendarDate | null;
export type GeneratedRow = Readonly<Record<string, GeneratedValue>>;
export type GeneratedRegister = Readonly<Record<TableKey, readonly GeneratedRow[]>>;

/** Comités per convention, as the bench asks. */
export const COMMITTEES_PER_CONVENTION = 4;

/** A small deterministic generator (mulberry32): the same registers on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTNERS = ["Commune de Lillers", "Association Rebond Emploi Artois", "Office de tourisme Béthune-Bruay", "Centre social Jacques Brel", "SIVOM de la Lawe"];
const SUBJECTS = ["Animation du réseau des jardins partagés", "Chantier d'insertion", "Maison France Services", "Soutien aux clubs sportifs", "Programme de rénovation énergétique"];

/**
 * `count` conventions ("GEN-000001"…) with COMMITTEES_PER_CONVENTION comités each.
 * @example largeRegister(1000, d("2026-11-29")).committees.length // 4000
 */
export function largeRegister(count: number, asOf: CalendarDate, seed = 2024): GeneratedRegister {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const conventions: GeneratedRow[] = [];
  const committees: GeneratedRow[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `GEN-${String(i).padStart(6, "0")}`;
    const start = addDays(asOf, -Math.floor(random() * 5 * 365) + 60);
    const vote = addMonthsClamped(start, -2);
    const months = random() < 0.8 ? 36 : 24;
    const asText = random() < 0.1;
    const date = (day: CalendarDate): GeneratedValue => (asText ? formatDateFr(day) : day);
    conventions.push({
      id,
      title: `${pick(SUBJECTS)} n° ${i}`,
      partner: pick(PARTNERS),
      deliberationNumber: `${vote.year}CC/${String(i % 1000).padStart(3, "0")}`,
      deliberationDate: date(vote),
      transmissionDate: date(addDays(vote, 8)),
      publicationDate: date(addDays(vote, 10)),
      start: date(start),
      duration: months === 24 ? "2 ans" : random() < 0.5 ? "3 ans" : 36,
      end: random() < 0.5 ? endOfTerm(start, months) : null,
      amount: random() < 0.8 ? Math.round(random() * 50_000) * 10 : null,
    });
    for (let k = 0; k < COMMITTEES_PER_CONVENTION; k++) {
      committees.push({
        conventionId: id,
        date: addDays(addMonthsClamped(start, 6 * k), Math.floor(random() * 150)),
        type: k % 2 === 0 ? "Comité de suivi" : "Club territorial",
        minutes: random() < 0.5 ? "Compte rendu diffusé" : null,
      });
    }
  }
  return { conventions, committees, deadlines: [], amendments: [] };
}

/**
 * The register as sheets of cells under the schema's French headers, one sheet per non-empty
 * table, dates as Excel serials (as Excel reads them), text dates as text.
 */
export function registerGrids(register: GeneratedRegister): Record<string, CellValue[][]> {
  const grids: Record<string, CellValue[][]> = {};
  for (const table of Object.keys(register) as TableKey[]) {
    const rows = register[table];
    if (rows.length === 0) continue;
    const fields = tableFields(table);
    grids[TABLES[table].label] = [fields.map((f) => f.label), ...rows.map((row) => fields.map((f) => cellOf(row[f.key] ?? null)))];
  }
  return grids;
}

function cellOf(value: GeneratedValue): CellValue {
  if (value === null || typeof value !== "object") return value;
  const serial = dateToSerial(value);
  if (!serial.ok) throw new Error(`Date outside Excel's range: ${JSON.stringify(value)}`);
  return serial.value;
}
