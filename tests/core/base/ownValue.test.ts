import { ownValue } from "../../../src/core/base/ownValue";
import { readField } from "../../../src/core/register/registerSchema";

describe("ownValue", () => {
  const table: Record<string, number> = { an: 12, mois: 1 };

  it("finds the table's own words", () => {
    expect(ownValue(table, "an")).toBe(12);
    expect(ownValue(table, "semaine")).toBeUndefined();
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])("finds nothing under %p, which every object inherits", (key) => {
    expect(ownValue(table, key)).toBeUndefined();
  });
});

describe("a register cell that names an Object member", () => {
  test("is not a comité type nor a deadline kind", () => {
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(readField("committees", "type", word)).toMatchObject({ ok: false, error: { code: "invalid_option" } });
      expect(readField("deadlines", "kind", word)).toMatchObject({ ok: false, error: { code: "invalid_option" } });
    }
  });
});
