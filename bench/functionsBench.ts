/**
 * Per-call cost of four custom functions against the formula chain a user would write in Excel
 * without the add-in, computed with @formulajs/formulajs (4.5.6) over the same 100 000 inputs,
 * in the same run. The functions are called as Excel calls them (numbers in, a number or text out,
 * errors as CustomFunctions.Error); the chains get the holidays as a range of serials, the table
 * a user keeps by hand for the years they need.
 */
import "../tests/setup/customFunctionsRuntime";
import * as formula from "@formulajs/formulajs";
import { dateToSerial, serialToDate } from "../src/core/dates/excelSerial";
import { formatDateFr } from "../src/i18n/fr";
import { publicHolidays } from "../src/core/dates/publicHolidays";
import { appealDeadline, endDate, missingCommittees, nextWorkingDay } from "../src/functions/functions";
import { BenchSection, Target, cell, ms, timeRuns } from "./measure";

export const INPUTS = 100_000;
/** 29/11/2026, the reference date of MISSING_COMMITTEES. */
const AS_OF = 46355;
const RUNS = 3;

function seededSerials(count: number, from: number, to: number): number[] {
  let state = 20240625;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return from + (state % (to - from));
  });
}

const serial = (date: { year: number; month: number; day: number }): number => {
  const s = dateToSerial(date);
  if (!s.ok) throw new Error("date hors de la plage d'Excel");
  return s.value;
};

function formatSerial(value: unknown): string {
  if (typeof value !== "number") return String(value);
  const date = serialToDate(value);
  return date.ok ? formatDateFr(date.value) : String(value);
}

/** formulajs returns JavaScript Dates at local midnight; Excel shows them as serials. */
function serialOf(value: unknown): number {
  if (!(value instanceof Date)) return Number.NaN;
  return Math.round(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) / 86_400_000) + 25_569;
}

/** The holidays table a user would type for 1999–2046: one column of serials. */
const HOLIDAY_SERIALS: number[] = [];
for (let year = 1999; year <= 2046; year++) for (const h of publicHolidays(year)) HOLIDAY_SERIALS.push(serial(h.date));

/** =WORKDAY(EDATE(d;2);1;Fériés) */
const appealChain = (d: number): number => serialOf(formula.WORKDAY(formula.EDATE(d, 2), 1, HOLIDAY_SERIALS));
/** =EDATE(d;36)-1 */
const endChain = (d: number): number => serialOf(formula.EDATE(d, 36)) - 1;
/** =WORKDAY(d-1;1;Fériés) */
const workingDayChain = (d: number): number => serialOf(formula.WORKDAY(d - 1, 1, HOLIDAY_SERIALS));

/**
 * The semesters without comité as a user would list them: one cell per semester of the term
 * (=EDATE(début du semestre;6*k)), each tested with
 * =SI(ET(fin<=aujourd'hui; NB.SI.ENS(Comités;">="&début;Comités;"<"&fin)=0); ANNEE(début)&"-S"&…; "")
 * and joined by =JOINDRE.TEXTE(", ";VRAI;…).
 */
function missingChain(start: number, end: number, committees: number[][], asOf: number): string {
  const first = formula.DATE(formula.YEAR(start) as number, (formula.MONTH(start) as number) <= 6 ? 1 : 7, 1) as Date;
  const labels: string[] = [];
  for (let k = 0; k < 8; k++) {
    const from = serialOf(formula.EDATE(first, 6 * k));
    const to = serialOf(formula.EDATE(first, 6 * (k + 1)));
    if (from > end) break;
    const held = formula.COUNTIFS(committees, `>=${from}`, committees, `<${to}`) as number;
    const label = to <= asOf + 1 && held === 0 ? `${formula.YEAR(from)}-S${(formula.MONTH(from) as number) <= 6 ? 1 : 2}` : "";
    labels.push(label);
  }
  return formula.TEXTJOIN(", ", true, labels) as string;
}

interface Case {
  readonly name: string;
  readonly chain: string;
  readonly ours: (i: number) => unknown;
  readonly theirs: (i: number) => unknown;
  /** Whether both must give the same result on every input (the chain is the same rule). */
  readonly sameRule: boolean;
}

export function functionsBench(): BenchSection {
  // Publication or notification dates from 2000 to 2040.
  const dates = seededSerials(INPUTS, 36_526, 51_136);
  // Outside Excel the functions return plain serials (no data types: src/functions/excelResult.ts).
  const terms = dates.map((d) => ({ start: d, end: Number(endDate(d, 36)) }));
  const meetings = dates.map((d, i) => [[d + 40], [d + 200 + (i % 60)], [d + 390], [d + 560 + (i % 90)]]);
  const cases: Case[] = [
    { name: "APPEAL_DEADLINE(d)", chain: "WORKDAY(EDATE(d;2);1;Fériés)", ours: (i) => appealDeadline(dates[i]), theirs: (i) => appealChain(dates[i]), sameRule: true },
    { name: "END_DATE(d;36)", chain: "EDATE(d;36)-1", ours: (i) => endDate(dates[i], 36), theirs: (i) => endChain(dates[i]), sameRule: true },
    { name: "NEXT_WORKING_DAY(d)", chain: "WORKDAY(d-1;1;Fériés)", ours: (i) => nextWorkingDay(dates[i]), theirs: (i) => workingDayChain(dates[i]), sameRule: true },
    {
      name: "MISSING_COMMITTEES(…)",
      chain: "8 × SI(NB.SI.ENS(…)) + JOINDRE.TEXTE",
      ours: (i) => missingCommittees(terms[i].start, terms[i].end, meetings[i], AS_OF),
      theirs: (i) => missingChain(terms[i].start, terms[i].end, meetings[i], AS_OF),
      sameRule: false,
    },
  ];
  const rows: Record<string, string | number>[] = [];
  const targets: Target[] = [];
  const notes: string[] = [];
  for (const c of cases) {
    // The comparison is also the warm-up of both sides.
    const differing: number[] = [];
    for (let i = 0; i < INPUTS; i++) if (c.ours(i) !== c.theirs(i)) differing.push(i);
    const ours = timeRuns(() => {
      for (let i = 0; i < INPUTS; i++) c.ours(i);
    }, RUNS, 0);
    const theirs = timeRuns(() => {
      for (let i = 0; i < INPUTS; i++) c.theirs(i);
    }, RUNS, 0);
    if (c.sameRule && differing.length > 0) {
      const i = differing[0];
      notes.push(`${c.name} : ${differing.length} résultats différents, par exemple d = ${formatSerial(dates[i])} : complément ${formatSerial(c.ours(i))}, formules ${formatSerial(c.theirs(i))}.`);
    }
    const perCallOurs = (ours.medianMs * 1000) / INPUTS;
    const perCallTheirs = (theirs.medianMs * 1000) / INPUTS;
    const ratio = perCallOurs / perCallTheirs;
    rows.push({
      fonction: c.name,
      "chaîne de formules (formulajs)": c.chain,
      "complément µs/appel": ms(perCallOurs),
      "formules µs/appel": ms(perCallTheirs),
      rapport: Math.round(ratio * 1000) / 1000,
      "résultats différents": c.sameRule ? differing.length : "règle différente",
    });
    targets.push({ label: `${c.name} : au plus la moitié du coût de la chaîne`, met: ratio <= 0.5, detail: `${cell(ms(perCallOurs))} µs contre ${cell(ms(perCallTheirs))} µs (× ${cell(Math.round(ratio * 1000) / 1000)})` });
  }
  return {
    title: `Fonctions personnalisées contre formules Excel (formulajs ${FORMULAJS_VERSION}), ${INPUTS.toLocaleString("fr-FR")} entrées, médiane de ${RUNS} passages`,
    rows,
    targets,
    notes: [
      ...notes,
      "MISSING_COMMITTEES suit la règle du domaine (semestre exigé quand la convention en couvre plus de la moitié) ; la chaîne d'un utilisateur compte les semestres calendaires entiers : même travail, règle plus simple, résultats non comparés.",
    ],
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const FORMULAJS_VERSION: string = (require("@formulajs/formulajs/package.json") as { version: string }).version;
