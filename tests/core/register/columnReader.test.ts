/**
 * columnReader reads a whole table's cells without a zod parse per cell: it must give, for every
 * column and every cell, exactly what readField (the column's zod schema) gives.
 */
import fc from "fast-check";
import { TABLE_KEYS, columnReader, readField, tableFields } from "../../../src/core/register/registerSchema";
import { CellValue } from "../../../src/core/cells/sheetGrid";

const SAMPLES: CellValue[] = [
  null, "", "  ", 0, -0, 1, 36, 45488, 45488.75, 60, -3, 1.5, 1201, 2958466, Number.NaN, true, false, { error: "#N/A" },
  "15/07/2024", "15 juillet 2024", "31/02/2025", "12/07/1899", "bientôt", "2024-07-15",
  "3 ans", "trois (3) ans", "18 mois", "3 ans et demi", " 2 ", "36",
  "15 000 €", "1.500,50", "néant", "beaucoup",
  "73282932000074", "12345678901234", "Comité de suivi", "Copil", "club", "Jalon", "Récurrente", "constructor", " TEAM2 ", "=1+1",
];

const columns = TABLE_KEYS.flatMap((table) => tableFields(table).map((field) => ({ table, key: field.key })));
const units = [undefined, "months", "years"] as const;

describe("columnReader: readField for a whole column", () => {
  test.each(columns)("$table.$key reads every sample cell as readField does", ({ table, key }) => {
    for (const unit of units) {
      const read = columnReader(table, key, unit);
      for (const value of SAMPLES) expect(read(value)).toEqual(readField(table, key, value, unit));
    }
  });

  test("and any cell a sheet can hold", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -10, max: 3_000_000 }),
      fc.string(),
      fc.stringMatching(/^\s*\d{1,3}\s*(ans?|mois)?\s*$/),
      fc.stringMatching(/^[0-3]?\d\/[01]?\d\/\d{2,4}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.constantFrom(...units), cell, ({ table, key }, unit, value) => {
        expect(columnReader(table, key, unit)(value)).toEqual(readField(table, key, value, unit));
      }),
    );
  });
});
