import { Finding, findingField } from "./findings";
import { RegisterMapping } from "../register/registerMapping";

/**
 * Adds the column letter to the place of each finding about one field of a row, from the mapping
 * the register was read with (the check knows fields, the mapping knows columns), so that a
 * finding points at its cell: "Conventions!J5".
 * @example placeFindings([{ code: "missing_date", conventionId: "C1", table: "conventions", field: "start", location: { sheet: "Suivi", row: 5 } }], mapping)
 *   // location { sheet: "Suivi", row: 5, column: "J" } when the start is in column J
 */
export function placeFindings(findings: readonly Finding[], mapping: RegisterMapping): Finding[] {
  return findings.map((finding) => {
    const { location, table } = finding;
    const field = findingField(finding);
    if (location === undefined || location.column !== undefined || table === undefined || field === undefined) return finding;
    const tableMapping = mapping[table];
    if (tableMapping === null || tableMapping.sheet !== location.sheet) return finding;
    const column = tableMapping.columns[field];
    return column === undefined ? finding : { ...finding, location: { sheet: location.sheet, row: location.row, column: column.letter } };
  });
}
