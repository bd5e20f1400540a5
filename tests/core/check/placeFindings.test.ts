import { detectMapping } from "../../../src/core/register/detectMapping";
import { Finding } from "../../../src/core/check/findings";
import { placeFindings } from "../../../src/core/check/placeFindings";
import { d } from "../../helpers/dates";

describe("placeFindings: a finding points at its cell", () => {
  const found = detectMapping([{ name: "Suivi", values: [["Titre"], ["Partenaire", "Réf.", "Date de signature", "Durée", "Date de fin"]] }]);
  if (!found.ok) throw new Error("mapping expected");
  const mapping = found.mapping;

  test("the column of the field is added where the row is known", () => {
    const findings: Finding[] = [
      { code: "missing_date", conventionId: "C1", table: "conventions", field: "start", location: { sheet: "Suivi", row: 5 } },
      { code: "expired", conventionId: "C1", table: "conventions", field: "end", location: { sheet: "Suivi", row: 5 }, date: d("2026-06-30"), daysLeft: -3 },
    ];
    expect(placeFindings(findings, mapping).map((f) => f.location)).toEqual([
      { sheet: "Suivi", row: 5, column: "C" },
      { sheet: "Suivi", row: 5, column: "E" },
    ]);
  });

  test("left as it is: no field, a field with no column, a place already exact, another table, no place", () => {
    const period = { label: "2025-S1", start: d("2025-01-01"), end: d("2025-06-30") };
    const dates = { reason: "publication_before_deliberation", date: d("2024-06-24"), otherDate: d("2024-06-25") } as const;
    const error = { code: "invalid_date", value: "hier" } as const;
    const findings: Finding[] = [
      { code: "missing_committee", conventionId: "C1", table: "conventions", location: { sheet: "Suivi", row: 5 }, period, date: period.end, daysLeft: -3 },
      { code: "inconsistent_dates", conventionId: "C1", table: "conventions", field: "publicationDate", location: { sheet: "Suivi", row: 5 }, ...dates },
      { code: "invalid_value", conventionId: "C1", table: "conventions", field: "start", location: { sheet: "Suivi", row: 5, column: "Z" }, error },
      { code: "invalid_value", conventionId: "C1", table: "committees", field: "date", location: { sheet: "Comités", row: 2 }, error },
      { code: "missing_date", conventionId: "C1", table: "conventions", field: "start" },
    ];
    expect(placeFindings(findings, mapping)).toEqual(findings);
  });
});
