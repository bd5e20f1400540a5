/**
 * Which convention a row of the register is about, for the pane's "the selected row": the
 * convention's own row, or a comité, échéance or avenant row that names it.
 */
import { Register, RowSource } from "./registerSchema";

/**
 * The reference of the convention a row belongs to; null when the row is none of the register's
 * (a header, a blank row, another sheet, a row that could not be read). Sheet names compare as
 * Excel compares them, without case.
 * @example conventionOfRow(register, { sheet: "Comités", row: 3 }) // "TEAM2-2024"
 */
export function conventionOfRow(register: Register, place: RowSource): string | null {
  const sheet = place.sheet.toLocaleLowerCase("fr");
  const here = (source: RowSource | null): boolean => source !== null && source.row === place.row && source.sheet.toLocaleLowerCase("fr") === sheet;
  const own = register.conventions.find((c) => here(c.source));
  if (own !== undefined) return own.id;
  const other = [...register.committees, ...register.deadlines, ...register.amendments].find((row) => here(row.source));
  return other === undefined ? null : other.conventionId;
}
