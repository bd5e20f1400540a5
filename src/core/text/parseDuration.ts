import { Result, fail, ok } from "../base/errors";
import { parseFrenchNumber } from "./frenchNumber";
import { normalizeText } from "./normalizeText";
import { ownValue } from "../base/ownValue";

/** Months in each French unit of time, as written in a duration or a frequency ("par trimestre"). */
export const UNIT_MONTHS: Readonly<Record<string, number>> = {
  an: 12, ans: 12, annee: 12, annees: 12,
  semestre: 6, semestres: 6,
  trimestre: 3, trimestres: 3,
  mois: 1,
};

/** Longest accepted duration: 100 years. */
const MAX_MONTHS = 1200;

/**
 * A duration in whole months, from a number of months or French text: "3 ans", "trois ans",
 * "18 mois", "dix-huit mois", "1 an et 6 mois", "trois (3) ans", "1 an 6 mois", "36". Anything else is an
 * `invalid_duration` error whose `notUnderstood` is the part that was not understood: never a guess.
 * @example parseDuration("1 an et 6 mois") // { ok: true, value: 18 }
 * @example parseDuration("3 ans et demi") // { ok: false, error: { code: "invalid_duration", notUnderstood: "demi", … } }
 */
export function parseDuration(input: string | number): Result<number> {
  if (typeof input === "number") {
    return Number.isInteger(input) && input > 0 && input <= MAX_MONTHS
      ? ok(input)
      : fail({ code: "invalid_duration", value: input, notUnderstood: String(input) });
  }
  const text = normalizeText(input).replace(/\.$/, "");
  const invalid = (notUnderstood: string): Result<number> => fail({ code: "invalid_duration", value: input, notUnderstood });
  if (text === "") return invalid(input);
  if (/^\d+$/.test(text)) {
    // Digits are read as the number, but an error shows the text as it was typed ("« 1201 »").
    const months = parseDuration(Number(text));
    return months.ok ? months : invalid(input);
  }

  // Words, numbers and "(3)" restatements; "et" and commas join the parts.
  const tokens = text.replace(/(?<=[a-z])-(?=[a-z])/g, " ").match(/\(\s*\d+\s*\)|[a-z]+|\d+|[^\sa-z\d]/g) ?? [];
  let total = 0;
  let i = 0;
  let parts = 0;
  while (i < tokens.length) {
    if (parts > 0 && (tokens[i] === "et" || tokens[i] === ",")) {
      i += 1; // "1 an et 6 mois", "1 an, 6 mois"; "1 an 6 mois" needs no joiner
    }
    const quantityStart = i;
    while (i < tokens.length && ownValue(UNIT_MONTHS, tokens[i]) === undefined) i += 1;
    const unit = i < tokens.length ? ownValue(UNIT_MONTHS, tokens[i]) : undefined;
    if (unit === undefined) return invalid(tokens.slice(quantityStart).join(" ") || input);
    const quantity = readQuantity(tokens.slice(quantityStart, i));
    if (quantity === null || quantity <= 0) return invalid(tokens.slice(quantityStart, i + 1).join(" "));
    total += quantity * unit;
    i += 1;
    parts += 1;
  }
  // Written so that a NaN total is refused too, never returned as a number of months.
  if (!(total > 0 && total <= MAX_MONTHS)) return invalid(input);
  return ok(total);
}

/** "3", "trois", "trois (3)" (both must agree), "dix huit". */
function readQuantity(tokens: readonly string[]): number | null {
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1];
  const restated = /^\(\s*(\d+)\s*\)$/.exec(last);
  if (restated !== null) {
    const before = readQuantity(tokens.slice(0, -1));
    return before !== null && before === Number(restated[1]) ? before : null;
  }
  if (tokens.length === 1 && /^\d+$/.test(tokens[0])) return Number(tokens[0]);
  return tokens.every((t) => /^[a-z]+$/.test(t)) ? parseFrenchNumber(tokens) : null;
}
