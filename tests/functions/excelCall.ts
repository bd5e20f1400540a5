/**
 * Helpers for testing the custom functions as Excel calls them. Expected values are written by
 * hand as ISO dates and turned into Excel serials here, with UTC arithmetic only (no local time
 * zone involved), so that the tests never depend on the code under test to compute an expectation.
 */

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * "2024-07-12" → 45485, the Excel serial of that day (1900 date system).
 * Valid from 1900-03-01 on, where Excel's phantom 29/02/1900 no longer shifts the count.
 */
export function serial(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new Error(`bad ISO date in a test: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || (year === 1900 && month < 3)) throw new Error(`serial() only covers dates from 1900-03-01: ${iso}`);
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / DAY_MS;
}

/**
 * A date a function returned on a host without data types (the tests' default, as outside Excel):
 * a plain serial, nothing else.
 */
export function plainSerial(value: unknown): number {
  if (typeof value !== "number") throw new Error(`expected a plain serial, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The requirement sets of an Excel that supports the Excel JavaScript API up to `excelApi`
 * ("1.19"), or none of the 1.x sets past 1.1 (null), answering as
 * `Office.context.requirements.isSetSupported(name, minVersion)` does: true when the host's
 * version of the set is at least the one asked.
 */
export function excelHost(excelApi: string | null): { isSetSupported(name: string, minVersion?: string): boolean } {
  const version = (text: string): number[] => text.split(".").map(Number);
  const atLeast = (have: number[], want: number[]): boolean => {
    for (let i = 0; i < Math.max(have.length, want.length); i++) {
      if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
    }
    return true;
  };
  return {
    isSetSupported: (name, minVersion = "1.1") => name === "ExcelApi" && atLeast(version(excelApi ?? "1.1"), version(minVersion)),
  };
}

/** A column of serials, as Excel passes a range (one row per cell). */
export function column(...cells: unknown[]): unknown[][] {
  return cells.map((cell) => [cell]);
}

/** What a failing custom function threw. Fails the test if it returned instead. */
export function thrownBy(call: () => unknown): CustomFunctions.Error {
  let returned: unknown;
  try {
    returned = call();
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(CustomFunctions.Error);
    return thrown as CustomFunctions.Error;
  }
  throw new Error(`expected an Excel error, but the function returned ${JSON.stringify(returned)}`);
}

const FRENCH_MARKERS = /[àâçéèêëîïôûùœ«»]|\b(le|la|les|un|une|des|du|de|pas|est|n'est|doit|être|manquante?|valeur)\b/i;
const ENGLISH_MARKERS = /\b(the|is|not|invalid|must|expected|should|undefined|NaN|null|error|cannot)\b|\[object/i;

/** The message is a French sentence for a person, not an English or technical one. */
export function expectFrench(message: string): void {
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(FRENCH_MARKERS);
  expect(message).not.toMatch(ENGLISH_MARKERS);
}

/**
 * The call gives #VALUE! with a French message that mentions each of `mentions` (the bad text,
 * the argument's name…). Returns the message for further checks.
 */
export function expectValueError(call: () => unknown, ...mentions: (string | RegExp)[]): string {
  const error = thrownBy(call);
  const message = error.message ?? "";
  expect(error.code).toBe("#VALUE!");
  expectFrench(message);
  for (const mention of mentions) {
    if (typeof mention === "string") expect(message).toContain(mention);
    else expect(message).toMatch(mention);
  }
  return message;
}

/** The call gives #N/A (unknown yet, not the user's mistake). */
export function expectNotAvailable(call: () => unknown): string {
  const error = thrownBy(call);
  expect(error.code).toBe("#N/A");
  return error.message ?? "";
}
