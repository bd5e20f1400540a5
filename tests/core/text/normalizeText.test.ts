import fc from "fast-check";
import { normalizeText } from "../../../src/core/text/normalizeText";

/** The fold as normalizeText defines it, on every text (ASCII text included): the oracle of its short cut for ASCII. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim();
}

describe("normalizeText", () => {
  test.each([
    ["  Date d’Échéance ", "date d'echeance"],
    ["GEN-000001", "gen-000001"],
    ["Réf.\u00a0 convention", "ref. convention"],
    ["N°\tde  `convention`", "n° de 'convention'"],
    ["", ""],
  ])("%j → %j", (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  test("plain ASCII text folds as any other text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary-ascii" }), (text) => expect(normalizeText(text)).toBe(fold(text))));
  });

  test("text with accents, marks and other scripts too", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => expect(normalizeText(text)).toBe(fold(text))));
  });
});
