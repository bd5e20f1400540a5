/**
 * Every rule of the extraction is linear in the text's length: hostile texts of 200 000
 * characters, each built to make a backtracking rule try every position (runs of spaces, of
 * letters and hyphens, of capitals, of stamp lines, of months, of replacement characters…), are
 * read to the end. No time is asserted here: a rule that backtracks would take minutes on these
 * and fail the test by its timeout; `npm run bench` measures the time.
 */
import { extractDeliberation, hasAnyField } from "../../../src/core/deliberation/extractDeliberation";

const SIZE = 200_000;

/** `unit` repeated up to SIZE characters. */
const fill = (unit: string, tail = ""): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + tail;

const HOSTILE_TEXTS: Readonly<Record<string, string>> = {
  "spaces before a word": fill(" ", "mot"),
  "one long word": fill("a"),
  "letters and hyphens": `029-242900694-20151112-${fill("a-")}`,
  "cut words on every line": fill("ab-\n"),
  "capital lines ending in DE": fill("DE\n"),
  "stamp lines and a header": fill("Affiché le\nQUIMPERLE\n"),
  "dotted acronyms": fill("S.I.V.O.M. "),
  "month names": fill("1 janvier "),
  "years in words": fill("l'an deux mille "),
  "replacement characters": fill("D\ufffdlib\ufffdration "),
  "lost apostrophes": fill("l?a d a "),
  "council phrases": fill("le Conseil municipal de la Ville de "),
  "partner phrases": fill("convention avec l'association et de "),
  "amounts": fill("montant de 1 000 "),
  "blank lines and lower case": fill("mot\n\n", "et suite"),
  "angle brackets": fill("<"),
  "numbers of acts": fill("2024-12 "),
};

describe("the extraction on hostile texts", () => {
  it.each(Object.entries(HOSTILE_TEXTS))("reads %s (200 000 characters) to the end", (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    const extraction = extractDeliberation(text);
    // Read to the end: every field is there, with a value or a note saying why not.
    expect(typeof hasAnyField(extraction)).toBe("boolean");
    expect(extraction.sessionDate.value !== null || extraction.sessionDate.notes.length > 0).toBe(true);
  });
});
