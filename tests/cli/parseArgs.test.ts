import { parseArgs } from "../../src/cli/parseArgs";
import { cliErrorMessage } from "../../src/i18n/cli.fr";
import { cellPlace } from "../../src/i18n/register.fr";

describe("parseArgs", () => {
  test("options before or after the file, with a space or =; -- ends the options", () => {
    const verify = { kind: "verify", file: "r.xlsx", date: "2026-11-29", json: true, mappingFile: "m.json" };
    expect(parseArgs(["verifier", "r.xlsx", "--date", "2026-11-29", "--json", "--colonnes", "m.json"])).toEqual({ ok: true, command: verify });
    expect(parseArgs(["verifier", "--json", "--colonnes=m.json", "--date=2026-11-29", "r.xlsx"])).toEqual({ ok: true, command: verify });
    expect(parseArgs(["vérifier", "--", "-registre.xlsx"])).toEqual({
      ok: true,
      command: { kind: "verify", file: "-registre.xlsx", date: null, json: false, mappingFile: null },
    });
    expect(parseArgs(["demo"])).toEqual({ ok: true, command: { kind: "demo", file: null, date: null } });
    expect(parseArgs(["demo", "d.xlsx", "--date", "01/03/2026"])).toEqual({ ok: true, command: { kind: "demo", file: "d.xlsx", date: "01/03/2026" } });
  });

  test("what cannot be used is an error with a code", () => {
    expect(parseArgs([])).toEqual({ ok: false, error: { code: "no_command" } });
    expect(parseArgs(["verifier", "r.xlsx", "--date", "--json"])).toEqual({ ok: false, error: { code: "option_needs_value", value: "--date" } });
    expect(parseArgs(["verifier", "r.xlsx", "--json=oui"])).toMatchObject({ ok: false, error: { code: "unknown_option" } });
    expect(parseArgs(["demo", "a.xlsx", "b.xlsx"])).toEqual({ ok: false, error: { code: "too_many_arguments", value: "b.xlsx" } });
  });
});

describe("cellPlace and cliErrorMessage", () => {
  test("a cell as Excel writes a reference; a row when no single cell is meant", () => {
    expect(cellPlace({ sheet: "Conventions", row: 5, column: "L" })).toBe("Conventions!L5");
    expect(cellPlace({ sheet: "Comités", row: 4, column: "B" })).toBe("Comités!B4");
    expect(cellPlace({ sheet: "Suivi 2024 (copie)", row: 8, column: "D" })).toBe("'Suivi 2024 (copie)'!D8");
    expect(cellPlace({ sheet: "Suivi d'Anne", row: 2, column: "B" })).toBe("'Suivi d''Anne'!B2");
    expect(cellPlace({ sheet: "2024", row: 2, column: "B" })).toBe("'2024'!B2");
    expect(cellPlace({ sheet: "Échéances", row: 6 })).toBe("Échéances, ligne 6");
  });

  test("an old .xls or a protected workbook says what to do", () => {
    expect(cliErrorMessage({ code: "workbook_file", error: { code: "legacy_or_encrypted", path: "r.xls" } })).toBe(
      "Le fichier « r.xls » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe : " +
        "enregistrez-le au format .xlsx, sans mot de passe à l'ouverture.",
    );
  });
});
