import { Result, fail, ok } from "../base/errors";
import { isEmptyCell } from "./cellValue";

/** La Poste's SIREN: its establishments' SIRETs use a digit-sum key instead of Luhn's. */
const LA_POSTE_SIREN = "356000000";

/**
 * A SIRET as 14 digits (spaces, dots and dashes ignored; a number cell keeps its leading zeros):
 * its Luhn key must hold (La Poste's establishments may instead have digits adding up to a multiple of 5).
 * @example readSiret("528 827 264 000 29", "siret") // ok("52882726400029")
 */
export function readSiret(value: unknown, field: string): Result<string | null> {
  if (isEmptyCell(value)) return ok(null);
  let digits: string;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) digits = String(value).padStart(14, "0");
  else if (typeof value === "string") digits = value.replace(/[\s.\-\u00a0\u202f]/g, "");
  else return fail({ code: "invalid_type", value, field, expected: "siret" });
  if (!/^\d{14}$/.test(digits)) return fail({ code: "invalid_siret", value, field, problem: "length" });
  if (!siretKeyHolds(digits)) return fail({ code: "invalid_siret", value, field, problem: "key" });
  return ok(digits);
}

function siretKeyHolds(digits: string): boolean {
  if (luhnHolds(digits)) return true;
  return digits.startsWith(LA_POSTE_SIREN) && [...digits].reduce((total, c) => total + Number(c), 0) % 5 === 0;
}

function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    let n = Number(digits[13 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}
