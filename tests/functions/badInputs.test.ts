/**
 * Bad input for every custom function, generated systematically: lists of bad values for each
 * kind of argument (date, duration, whole number, option, range of dates, and values of no
 * kind at all) crossed with each argument position, the other arguments kept valid.
 *
 * Each call must end the way Excel shows a mistake (src/functions/excelResult.ts): a thrown
 * `CustomFunctions.Error`, never a value or another exception; #N/A for a needed argument left
 * blank (unknown yet, DOMAIN.md), #VALUE! for everything else; and a French sentence that starts
 * with the argument's name and shows the offending value as a French user would read it.
 *
 * What is NOT bad, and so not listed here (see dateInputs.test.ts and DOMAIN.md): a blank
 * optional argument (its default), a blank or empty range of comités (none held), serial 0 or
 * -0 for a date (a blank cell), a two-digit year ("01/01/24" is 2024, as Excel reads it), a
 * number of months such as 60 (serial 60 is only bad as a date), and text that a French user
 * may mean as a number of months where the argument is a number ("6 mois" as a notice): whether
 * such text should be read is a question for DOMAIN.md, not a bad input.
 */
import fc from "fast-check";
import * as conv from "../../src/functions/functions";
import { serial } from "./excelCall";

type Kind = "date" | "duration" | "integer" | "option" | "dates";

interface Slot {
  /** The argument's name as the French message starts with it. */
  readonly label: string;
  readonly kind: Kind;
  readonly required: boolean;
  /** Whole numbers: the bounds the function states in its help. */
  readonly bounds?: { readonly min: number; readonly max: number };
  /** Options: words (or numbers) that are no choice of this argument. */
  readonly wrongWords?: readonly unknown[];
}

interface Spec {
  readonly name: string;
  readonly call: (...args: unknown[]) => unknown;
  /** A call that succeeds: each case replaces one of these. */
  readonly valid: readonly unknown[];
  readonly slots: readonly Slot[];
  /** The positions tested (all by default). */
  readonly positions?: readonly number[];
}

// ---- bad values by kind ----------------------------------------------------------------------

const EXCEL_ERROR_CODES = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!"];

/** Values that are no date, duration, number or word: wrong wherever one value is expected. */
const NOT_A_VALUE: readonly unknown[] = [
  true,
  false,
  NaN,
  Infinity,
  -Infinity,
  [],
  [[]],
  [[null]],
  [[""]],
  [[serial("2024-07-12")]],
  [["12/07/2024"]],
  [[serial("2024-07-12"), serial("2024-07-13")]],
  [[1], [2]],
  [[true]],
  [["abc", null]],
  {},
  { value: 1 },
  new Date(Date.UTC(2024, 6, 12)),
  new Error("boom"),
  Object.create(null) as object,
  ...EXCEL_ERROR_CODES.map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode)),
  ...EXCEL_ERROR_CODES.map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode, "message d'une autre fonction")),
  // An error cell as ExcelJS reads it (the register's path to the same coercion).
  ...EXCEL_ERROR_CODES.map((error) => ({ error })),
  // Excel never passes these; a function still must not crash on them.
  Symbol("x"),
  BigInt(45485),
  () => 45485,
];

/** Texts that read as no date, duration or number: wrong for every kind. */
const GIBBERISH: readonly string[] = [
  "abc",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "#N/A",
  "VRAI",
  "FAUX",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "[object Object]",
  "=A1",
  "-",
  "?",
  "…",
  "x".repeat(5000),
];

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** Serials that are no day Excel shows, or Excel's phantom 29/02/1900 (serial 60). */
const BAD_SERIALS: readonly number[] = [
  -1,
  -0.5,
  -45485,
  -2958465,
  0.5,
  0.999,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  60,
  60.25,
  60.999,
  2958466,
  2958466.5,
  3_000_000,
  1e10,
  1e15,
  Number.MAX_SAFE_INTEGER,
  1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
];

/** Text that is almost a date: days that do not exist, forms not read, dates Excel cannot show. */
const BAD_DATE_TEXTS: readonly string[] = [
  ...MONTHS.map((m) => `32/${m}/2024`),
  ...MONTHS.map((m) => `00/${m}/2024`),
  ...MONTH_NAMES.map((name) => `32 ${name} 2024`),
  ...["04", "06", "09", "11"].flatMap((m) => [`31/${m}/2024`, `2024-${m}-31`]),
  "31 avril 2024",
  "31 juin 2024",
  "31 septembre 2024",
  "31 novembre 2024",
  "30/02/2024",
  "31/02/2024",
  "30 février 2024",
  "2024-02-30",
  ...["1900", "2023", "2025", "2100", "2200", "2300"].flatMap((y) => [`29/02/${y}`, `${y}-02-29`, `29 février ${y}`]),
  "15/00/2024",
  "15/13/2024",
  "2024-13-01",
  "2024-00-10",
  "2024-07-32",
  "1er janvier",
  "12 juillet",
  "juillet 2024",
  "12/07",
  "07/2024",
  "2024",
  "45485",
  "45485,5",
  "12 juillot 2024",
  "12 ju 2024",
  "12//07/2024",
  "12/07/-2024",
  "-12/07/2024",
  "12/07/2024 et 13/07/2024",
  "du 12/07/2024 au 13/07/2024",
  "１２/０７/２０２４",
  "aujourd'hui",
  "demain",
  "3 ans",
  "18 mois",
  // Excel has no day before 01/01/1900 or after 31/12/9999: a typo (1024 for 2024) is flagged.
  "31/12/1899",
  "01/01/1800",
  "12/07/1024",
  "0000-01-01",
  "01/01/10000",
  "9999-12-32",
  // A time of day that does not exist, a weekday that is not the date's (12/07/2024 was a Friday).
  "2024-07-12T25:00",
  "2024-07-12T12:60",
  "2024-07-12 24:00",
  "lundi 12 juillet 2024",
  "le mardi 12/07/2024",
  "samedi 2024-07-12",
  "dimanche 25 juin 2024",
];

/** Durations DOMAIN.md does not accept: never guessed. */
const BAD_DURATION_TEXTS: readonly string[] = [
  "3 ans et demi",
  "un an et demi",
  "1 an et demi",
  "3 ans 1/2",
  "3 ans ½",
  "-2 mois",
  "- 2 mois",
  "-1 an",
  "0 mois",
  "0 an",
  "zéro mois",
  "1 an et 0 mois",
  "1,5 an",
  "1.5 an",
  "2,5 ans",
  "0,5",
  "3 semaines",
  "10 jours",
  "2 heures",
  "trois",
  "ans",
  "mois",
  "1 an et",
  "et 6 mois",
  "trois (4) ans",
  "(3) ans",
  "deux trois ans",
  "vingt douze mois",
  "dix dix mois",
  "bientôt",
  "indéterminée",
  "3 constructor",
  "trois constructor",
  "constructor ans",
  "101 ans",
  "1201 mois",
  "1201",
  "cent un ans",
  "99999999999999999999 ans",
  "12/07/2024",
  "2024-07-12",
];

const BAD_DURATION_NUMBERS: readonly number[] = [0, -0, -1, -36, 0.5, 1.5, 36.5, 1201, 45485, 1e9, 1e308, Number.MIN_VALUE];

function badIntegers(bounds: { readonly min: number; readonly max: number }): unknown[] {
  const { min, max } = bounds;
  return [
    min - 1,
    min - 1000,
    max + 1,
    max * 10 + 7,
    min + 0.5,
    max - 0.5,
    min + 1e-9,
    -1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    String(min - 1),
    String(max + 1),
    `${min},5`,
    `${min}.5`,
    `${max}0`,
    ` ${max + 1} `,
    `-${max}`,
    `${min} ${max}`,
    `${min}-${max}`,
    `${max}+1`,
    `(${min + 1})`,
    `${min + 1} €`,
    `n° ${min + 1}`,
    `${min + 1}e`,
    `#${min + 1}`,
    "0x10",
    "--1",
    "1-",
    "1 2",
    "½",
    "1/2",
    "∞",
    "12/07/2024",
    "2024-07-12",
    "3 ans et demi",
  ];
}

/** Words that are wrong for any option, before the slot's own. */
const WRONG_WORDS_EVERYWHERE: readonly string[] = [
  "oui",
  "non",
  "défaut",
  "autre",
  "12/07/2024",
  "3 ans",
  "1 2",
  "é",
  "a".repeat(300),
];
const WRONG_OPTION_NUMBERS: readonly number[] = [-1, 0.5, 1, 2, 1e308, Number.MAX_SAFE_INTEGER];

const ZONE_WORDS = [
  "corse",
  "guadeloupe",
  "martinique",
  "la réunion",
  "outre-mer",
  "dom",
  "alsace-lorraine",
  "lorraine",
  "alsace-moselle-nord",
  "metropole, alsace",
  "paris",
  "75",
  "56",
  "58",
  "66",
  "69",
  "971",
  "974",
  "2A",
  "67.5",
  "57 67",
];
const ZONE_NUMBERS = [56, 58, 66, 69, 75, 971, 57.5, 67.01, 6.8];
const RULE_WORDS = ["veill", "quantiemes", "jour", "lendemain", "inclus", "exclu", "same day", "day before", "1", "0", "fin de mois"];
const BASIS_WORDS = ["semestre", "trimestre", "annee", "année", "calendar", "contract", "contra", "calendr", "civile", "s1", "6", "mois"];

// ---- the cases ---------------------------------------------------------------------------------

/** A value that is blank in the ways Excel passes a blank cell (null, undefined, empty text). */
const BLANK_TEXTS: readonly unknown[] = [null, undefined, "", "   ", "\u00a0", "\t"];

function badValues(slot: Slot): unknown[] {
  const common = [...NOT_A_VALUE, ...GIBBERISH];
  switch (slot.kind) {
    case "date":
      return [...common, ...BAD_SERIALS, ...BAD_DATE_TEXTS];
    case "duration":
      return [...common, ...BAD_DURATION_TEXTS, ...BAD_DURATION_NUMBERS];
    case "integer":
      return [...common, ...badIntegers(slot.bounds ?? { min: 0, max: 0 })];
    case "option":
      return [...common, ...WRONG_WORDS_EVERYWHERE, ...WRONG_OPTION_NUMBERS, ...(slot.wrongWords ?? [])];
    case "dates":
      // One bad cell in an otherwise good column of comités (position 2), and ranges whose cell is itself a range.
      return [
        ...[...NOT_A_VALUE.filter((v) => !Array.isArray(v)), ...GIBBERISH, ...BAD_SERIALS, ...BAD_DATE_TEXTS].map((bad) => [
          [serial("2024-09-01")],
          [bad],
        ]),
        [[serial("2024-09-01")], [[[serial("2024-07-12")]]]],
        [[serial("2024-09-01")], [[]]],
      ];
  }
}

/** Blank is #N/A where the argument is needed; a number 0 is blank only for a date. */
function blankValues(slot: Slot): unknown[] {
  if (!slot.required || slot.kind === "dates") return [];
  return slot.kind === "date" ? [...BLANK_TEXTS, 0, -0] : [...BLANK_TEXTS];
}

interface Case {
  readonly spec: Spec;
  readonly position: number;
  readonly value: unknown;
  readonly expected: "#VALUE!" | "#N/A";
}

function casesOf(spec: Spec): Case[] {
  const positions = spec.positions ?? spec.slots.map((_, i) => i);
  return positions.flatMap((position) => {
    const slot = spec.slots[position];
    return [
      ...badValues(slot).map((value) => ({ spec, position, value, expected: "#VALUE!" as const })),
      ...blankValues(slot).map((value) => ({ spec, position, value, expected: "#N/A" as const })),
    ];
  });
}

const START = serial("2024-07-15");
const END = serial("2027-07-14");
const AS_OF = serial("2025-09-01");
const COMMITTEES = [[serial("2024-10-03")], [null], ["15/01/2025"]];

const date = (label: string, required = true): Slot => ({ label, kind: "date", required });
const zone: Slot = { label: "Zone", kind: "option", required: false, wrongWords: [...ZONE_WORDS, ...ZONE_NUMBERS] };

const SPECS: readonly Spec[] = [
  {
    name: "END_DATE",
    call: conv.endDate as Spec["call"],
    valid: [START, "3 ans", "quantieme"],
    slots: [date("Date de début"), { label: "Durée", kind: "duration", required: true }, { label: "Règle de calcul", kind: "option", required: false, wrongWords: RULE_WORDS }],
  },
  {
    name: "APPEAL_DEADLINE",
    call: conv.appealDeadline as Spec["call"],
    valid: [serial("2024-07-12"), 2, "alsace-moselle"],
    slots: [date("Date de publication"), { label: "Nombre de mois", kind: "integer", required: false, bounds: { min: 1, max: 120 } }, zone],
  },
  {
    name: "ENFORCEABLE_DATE",
    call: conv.enforceableDate as Spec["call"],
    valid: [serial("2024-07-11"), serial("2024-07-12")],
    slots: [date("Date de transmission"), date("Date de publication")],
  },
  {
    name: "NEXT_WORKING_DAY",
    call: conv.nextWorkingDay as Spec["call"],
    valid: [serial("2025-12-25"), "57"],
    slots: [date("Date"), zone],
  },
  {
    name: "HOLIDAYS",
    call: conv.holidays as Spec["call"],
    valid: [2024, "alsace-moselle"],
    slots: [{ label: "Année", kind: "integer", required: true, bounds: { min: 1900, max: 9999 } }, zone],
  },
  {
    name: "SEMESTER",
    call: conv.semester as Spec["call"],
    valid: [serial("2025-01-15"), "contrat", START],
    slots: [
      date("Date"),
      { label: "Base des semestres", kind: "option", required: false, wrongWords: BASIS_WORDS },
      date("Date de début du contrat"),
    ],
  },
  {
    // Calendar semesters do not use the contract start, but a start that is no date is still a typo.
    name: "SEMESTER (calendrier)",
    call: conv.semester as Spec["call"],
    valid: [serial("2025-01-15"), "calendrier", START],
    slots: [date("Date"), { label: "Base des semestres", kind: "option", required: false }, date("Date de début du contrat", false)],
    positions: [2],
  },
  {
    name: "MISSING_COMMITTEES",
    call: conv.missingCommittees as Spec["call"],
    valid: [START, END, COMMITTEES, AS_OF, 1],
    slots: [
      date("Date de début"),
      date("Date de fin"),
      { label: "Dates des comités (valeur n° 2)", kind: "dates", required: true },
      date("Date de référence", false),
      { label: "Nombre de comités par semestre", kind: "integer", required: false, bounds: { min: 1, max: 100 } },
    ],
  },
  {
    name: "NEXT_COMMITTEE_DUE",
    call: conv.nextCommitteeDue as Spec["call"],
    valid: [START, END, COMMITTEES, AS_OF],
    slots: [date("Date de début"), date("Date de fin"), { label: "Dates des comités (valeur n° 2)", kind: "dates", required: true }, date("Date de référence", false)],
  },
  {
    name: "STATUS",
    call: conv.status as Spec["call"],
    valid: [START, END, AS_OF, 6],
    slots: [
      date("Date de début"),
      date("Date de fin"),
      date("Date de référence", false),
      { label: "Préavis (mois)", kind: "integer", required: false, bounds: { min: 0, max: 120 } },
    ],
  },
  {
    name: "DAYS_LEFT",
    call: conv.daysLeft as Spec["call"],
    valid: [END, AS_OF],
    slots: [date("Date"), date("Date de référence", false)],
  },
  {
    name: "NEXT_OCCURRENCE",
    call: conv.nextOccurrence as Spec["call"],
    valid: [START, 3, AS_OF],
    slots: [date("Date de début"), { label: "Périodicité (mois)", kind: "integer", required: true, bounds: { min: 1, max: 1200 } }, date("Date de référence", false)],
  },
];

// ---- what every failure must look like --------------------------------------------------------

/** How the message shows the value, as Excel in French shows it (comma decimals, VRAI/FAUX). */
function shownAs(value: unknown, slot: Slot): string | null {
  if (typeof value === "string") return `« ${value} »`;
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (Array.isArray(value)) return "plage de cellules";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "nombre non fini";
    if (slot.kind === "date" && Math.floor(value) === 60) return "29/02/1900";
    return String(value).replace(".", ",");
  }
  if (typeof value === "object" && value !== null && "error" in value) return `code d'erreur Excel ${String(value.error)}`;
  return null;
}

const FRENCH = /[àâçéèêëîïôûùœ«»]|\b(le|la|les|un|une|des|du|de|pas|est|n'est|doit|être|manquante?|valeur)\b/i;
// English stock phrases and technical words; the user's own text (between « ») may hold anything.
const NOT_FRENCH =
  /\b(the|is|not|invalid|must|expected|should|cannot|error|value|date is|undefined|null|NaN|Infinity|object|function|Symbol|TypeError|RangeError)\b|\[object|Erreur inattendue/i;

/** The message without what the user typed (between « ») and Excel's own error codes (#VALUE!, #NULL!). */
function withoutQuotes(message: string): string {
  return message.replace(/«[^»]*»/g, "« »").replace(/#[A-Z/0]+[!?]?/g, "#");
}

/** A value as the report of a failing case shows it. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "symbol" || typeof value === "bigint" || typeof value === "function") return typeof value;
  if (value instanceof Error) return `${value.name}(${(value as { code?: string }).code ?? value.message})`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return JSON.stringify(value) ?? String(value);
}

function describeCase(c: Case): string {
  return `${c.spec.name} argument ${c.position + 1} = ${show(c.value)}`;
}

/** The failure of one call, or the reason it is not one as Excel shows a mistake. */
function check(c: Case): string | null {
  const args = [...c.spec.valid];
  args[c.position] = c.value;
  let thrown: unknown;
  try {
    const returned = c.spec.call(...args);
    return `returned ${typeof returned === "number" || typeof returned === "string" ? JSON.stringify(returned) : typeof returned} instead of ${c.expected}`;
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof CustomFunctions.Error)) return `threw ${String(thrown)}, not a CustomFunctions.Error`;
  const message = thrown.message ?? "";
  const slot = c.spec.slots[c.position];
  if (thrown.code !== c.expected) return `${thrown.code} instead of ${c.expected}: ${message}`;
  if (message.trim().length < 15 || !message.endsWith(".")) return `no sentence: ${JSON.stringify(message)}`;
  if (!FRENCH.test(message)) return `not French: ${message}`;
  if (NOT_FRENCH.test(withoutQuotes(message))) return `English or technical words: ${message}`;
  if (!message.startsWith(`${slot.label} :`) && !message.startsWith(`${slot.label} manquante`)) {
    return `does not start with the argument's name « ${slot.label} »: ${message}`;
  }
  if (c.expected === "#VALUE!") {
    const shown = slot.kind === "dates" ? shownAs((c.value as unknown[][])[1][0], { ...slot, kind: "date" }) : shownAs(c.value, slot);
    if (shown !== null && !message.includes(shown)) return `does not show the value as ${shown}: ${message}`;
  } else if (!/manquante|valeur manquante/.test(message)) {
    return `a blank is not said to be missing: ${message}`;
  }
  return null;
}

describe.each(SPECS.map((spec) => [spec.name, spec] as const))("%s: bad input", (_name, spec) => {
  const cases = casesOf(spec);

  it(`the matrix holds at least 200 bad inputs (100 for a single-argument variant): ${cases.length}`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(spec.positions === undefined ? 200 : 100);
  });

  it("the other arguments are valid: the call itself succeeds", () => {
    expect(() => spec.call(...spec.valid)).not.toThrow();
  });

  it("each bad input gives #VALUE! (#N/A when a needed argument is blank) with a French sentence about it", () => {
    const failures = cases.map((c) => [describeCase(c), check(c)] as const).filter(([, problem]) => problem !== null);
    expect(failures.map(([what, problem]) => `${what}: ${problem ?? ""}`)).toEqual([]);
  });
});

describe("the matrix covers", () => {
  it("the 11 functions, each with all its arguments", () => {
    const full = SPECS.filter((s) => s.positions === undefined);
    expect(full.map((s) => s.name)).toHaveLength(11);
    for (const spec of full) expect([spec.name, spec.slots.length]).toEqual([spec.name, spec.call.length]);
  });
});

// ---- the bugs the matrix found, one by one ----------------------------------------------------

describe("bugs found by the matrix", () => {
  const start = serial("2024-07-15");

  it('a duration "3 constructor" was NaN months and END_DATE returned NaN: now #VALUE! naming it', () => {
    const error = thrownError(() => conv.endDate(start, "3 constructor"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("« 3 constructor »");
  });

  it("an option « constructor » or « __proto__ » was taken for a choice: now #VALUE! listing the choices", () => {
    for (const word of ["constructor", "__proto__"]) {
      expect(thrownError(() => conv.endDate(start, "3 ans", word)).message).toContain("« veille » ou « quantieme »");
      expect(thrownError(() => conv.appealDeadline(start, 2, word)).message).toContain("alsace-moselle");
      expect(thrownError(() => conv.holidays(2024, word)).code).toBe("#VALUE!");
      expect(thrownError(() => conv.nextWorkingDay(start, word)).code).toBe("#VALUE!");
      // « constructor » even switched SEMESTER to contractual semesters.
      expect(thrownError(() => conv.semester(start, word, start)).message).toContain("« calendrier » ou « contrat »");
    }
  });

  it("a contract start that is no date was ignored with calendar semesters: now #VALUE!", () => {
    expect(thrownError(() => conv.semester(serial("2025-01-15"), "calendrier", "31/02/2024")).message).toMatch(/^Date de début du contrat : « 31\/02\/2024 »/);
    expect(thrownError(() => conv.semester(serial("2025-01-15"), null, true)).code).toBe("#VALUE!");
    // Blank is still fine there, and a valid start still does not matter.
    expect(conv.semester(serial("2025-01-15"), "calendrier", null)).toBe("2025-S1");
    expect(conv.semester(serial("2025-01-15"), "calendrier", START)).toBe("2025-S1");
  });

  it("a weekday that is not the date's was dropped silently: now #VALUE! naming the real one", () => {
    const error = thrownError(() => conv.appealDeadline("lundi 12 juillet 2024"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "Date de publication : « lundi 12 juillet 2024 » n'existe pas dans le calendrier (le 12/07/2024 est un vendredi).",
    );
    expect(conv.appealDeadline("vendredi 12 juillet 2024")).toBe(serial("2024-09-13"));
  });

  it("a time of day that does not exist (25:00) was dropped silently: now #VALUE!", () => {
    expect(thrownError(() => conv.daysLeft("2024-07-12T25:00", serial("2024-07-01"))).code).toBe("#VALUE!");
    expect(conv.daysLeft("2024-07-12T23:59", serial("2024-07-01"))).toBe(11);
  });

  it("a range of cells is named with the right agreement (« une plage de cellules n'est pas lisible comme une date »)", () => {
    expect(thrownError(() => conv.daysLeft([[1]], serial("2024-07-01"))).message).toBe(
      "Date : une plage de cellules n'est pas lisible comme une date.",
    );
  });
});

function thrownError(call: () => unknown): CustomFunctions.Error {
  try {
    call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error, the call returned");
}

// ---- anything at all ----------------------------------------------------------------------------

/** What a successful call returns, by function: the only other way a call may end. */
const isSerial = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2958465 && v !== 60;
const RETURNS: Record<string, (v: unknown) => boolean> = {
  END_DATE: isSerial,
  APPEAL_DEADLINE: isSerial,
  ENFORCEABLE_DATE: isSerial,
  NEXT_WORKING_DAY: isSerial,
  HOLIDAYS: (v) => Array.isArray(v) && v.length >= 10 && v.every((row) => Array.isArray(row) && row.length === 1 && isSerial(row[0])),
  SEMESTER: (v) => typeof v === "string" && /^(\d{4}-S[12]|S\d+)$/.test(v),
  MISSING_COMMITTEES: (v) => typeof v === "string" && /^(|\d{4}-S[12](, \d{4}-S[12])*)$/.test(v),
  NEXT_COMMITTEE_DUE: isSerial,
  STATUS: (v) => typeof v === "string" && ["À venir", "En cours", "À renouveler", "Échue"].includes(v),
  DAYS_LEFT: (v) => Number.isInteger(v),
  NEXT_OCCURRENCE: isSerial,
};

describe("anything at all in any argument (fast-check)", () => {
  // Values of every JavaScript type, text close to the words the functions read, and numbers near
  // the edges of Excel's dates.
  const anyArgument = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.constantFrom("3 ans", "constructor", "alsace-moselle", "contrat", "quantieme", "12/07/2024", "29/02/2023", "lundi 1er janvier 2024", ""),
    fc.stringMatching(/^[0-3]?\d[/.-][01]?\d[/.-]\d{2,4}$/),
    fc.stringMatching(/^(un|deux|trois|\d{1,4}|constructor) (an|ans|mois|semestres?|constructor)( et (\d|six) mois)?$/),
    fc.double(),
    fc.integer({ min: -10, max: 3_000_000 }),
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 2_958_466 }), fc.string(), fc.constant(null)), { maxLength: 3 }), { maxLength: 3 }),
  );

  it.each(SPECS.filter((s) => s.positions === undefined).map((spec) => [spec.name, spec] as const))(
    "%s returns its kind of value or throws #VALUE!/#N/A in French",
    (_name, spec) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: spec.valid.length - 1 }), anyArgument, (position, value) => {
          const args = [...spec.valid];
          args[position] = value;
          try {
            const returned = spec.call(...args);
            return RETURNS[spec.name](returned);
          } catch (error) {
            if (!(error instanceof CustomFunctions.Error)) return false;
            const message = error.message ?? "";
            return (
              (error.code === "#VALUE!" || error.code === "#N/A") &&
              FRENCH.test(message) &&
              !NOT_FRENCH.test(withoutQuotes(message))
            );
          }
        }),
        // Random terms may span centuries: fewer runs for the two functions that walk every semester.
        { numRuns: spec.name.includes("COMMITTEE") ? 60 : 300 },
      );
    },
  );
});
