import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectMapping, parseExplicitMapping } from "../../src/core/register/detectMapping";

/** The README's mapping-file example must be a file the command line accepts, doing what it says. */
describe("README: the mapping file example", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Un registre tenu à sa façon"));
  const block = /```json\n([\s\S]*?)```/.exec(section);

  test("is valid and maps the columns it names", () => {
    expect(block).not.toBeNull();
    const parsed = parseExplicitMapping(JSON.parse(block?.[1] ?? ""));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const grids = [
      {
        name: "Suivi 2024",
        values: [["Registre"], [null], ["Code interne", "Partenaire", "Signée le", "Durée", null, null, null, "Fin prévue"]],
      },
      { name: "Réunions", values: [["Convention", "Date", "Type"]] },
    ];
    const found = detectMapping(grids, parsed.value);
    if (!found.ok) throw new Error(JSON.stringify(found.problems));
    expect(found.mapping.conventions.headerRow).toBe(3);
    expect(found.mapping.conventions.columns.id?.letter).toBe("A");
    expect(found.mapping.conventions.columns.start?.letter).toBe("C");
    expect(found.mapping.conventions.columns.end?.letter).toBe("H");
    expect(found.mapping.committees?.sheet).toBe("Réunions");
    expect(found.mapping.deadlines).toBeNull();
  });
});
