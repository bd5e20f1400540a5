/**
 * `registre rapport` and `registre comite` end to end, in-process: the demo register at a fixed
 * date, the copy written with the report's sheet, the register's own file never touched.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { parseArgs } from "../../src/cli/parseArgs";
import { d } from "../helpers/dates";
import { fingerprint, openXlsx, run, tempDir } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());
const AS_OF = "2026-01-26";

async function demo(name: string): Promise<string> {
  const path = join(temp.dir, name);
  const written = await writeDemoWorkbook(path, d(AS_OF));
  if (!written.ok) throw new Error(JSON.stringify(written.error));
  return path;
}

const sheetsOf = openXlsx;

describe("registre rapport", () => {
  it("writes a copy of the register with the 'Rapport 2025' sheet; the register is unchanged", async () => {
    const register = await demo("registre.xlsx");
    const before = fingerprint(register);
    const output = join(temp.dir, "sortie", "rapport.xlsx");
    const result = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--collectivite", "Agglomération de test", "--sortie", output);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      `Rapport annuel 2025 écrit dans « ${output} », feuille « Rapport 2025 » (12 conventions en vigueur).`,
      `Copie du registre « ${register} » vérifié au 26/01/2026 ; le registre lui-même n'est pas modifié.`,
    ]);
    expect(fingerprint(register)).toEqual(before);

    const copy = await sheetsOf(output);
    expect(await copy.sheetNames()).toEqual(["Conventions", "Comités", "Échéances", "Avenants", "Rapport 2025"]);
    const original = await sheetsOf(register);
    expect(await copy.readSheet("Conventions")).toEqual(await original.readSheet("Conventions"));
    const values = (await copy.readSheet("Rapport 2025")).values;
    expect(values[0][0]).toBe("Rapport annuel 2025 — conventions de partenariat");
    expect(values[1][0]).toBe("Agglomération de test");
    expect(values.some((row) => row[0] === "TEAM2-2024" && row[1] === "Convention de partenariat stratégique avec l'association TEAM2 (économie circulaire)")).toBe(true);
  });

  it("run again on its own output, adds 'Rapport 2025 (2)'; the check ignores the report's sheets", async () => {
    const register = await demo("deux-fois.xlsx");
    const first = join(temp.dir, "premier.xlsx");
    const second = join(temp.dir, "second.xlsx");
    expect((await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", first)).code).toBe(0);
    const again = await run("rapport", first, "--annee", "2025", "--date", AS_OF, "--sortie", second);
    expect(again.code).toBe(0);
    expect(again.out[0]).toContain("feuille « Rapport 2025 (2) » (12 conventions en vigueur)");
    expect(await (await sheetsOf(second)).sheetNames()).toEqual(["Conventions", "Comités", "Échéances", "Avenants", "Rapport 2025", "Rapport 2025 (2)"]);
  });

  it("refuses to write over the register, or over an existing file unless --remplacer", async () => {
    const register = await demo("garde.xlsx");
    const before = fingerprint(register);
    const self = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", register);
    expect(self.code).toBe(2);
    expect(self.stderr).toBe(`Le fichier de sortie « ${register} » est le registre lui-même : le registre n'est jamais modifié. Choisissez un autre fichier.`);
    const sameFile = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", join(temp.dir, ".", "garde.xlsx"), "--remplacer");
    expect(sameFile.code).toBe(2);
    expect(fingerprint(register)).toEqual(before);

    const existing = join(temp.dir, "existe.xlsx");
    writeFileSync(existing, "à garder");
    const refused = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", existing);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`Le fichier « ${existing} » existe déjà : il n'est pas remplacé. Choisissez un autre nom, ou ajoutez --remplacer.`);
    expect(readFileSync(existing, "utf8")).toBe("à garder");
    const replaced = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", existing, "--remplacer");
    expect(replaced.code).toBe(0);
    expect(await (await sheetsOf(existing)).sheetNames()).toContain("Rapport 2025");
  });

  it("says what is missing or wrong, with exit code 2", async () => {
    const register = await demo("options.xlsx");
    const noYear = await run("rapport", register, "--sortie", join(temp.dir, "x.xlsx"));
    expect([noYear.code, noYear.stderr]).toEqual([2, "Option --annee manquante pour « rapport ». Voir « registre aide »."]);
    const noOutput = await run("rapport", register, "--annee", "2025");
    expect([noOutput.code, noOutput.stderr]).toEqual([2, "Option --sortie manquante pour « rapport ». Voir « registre aide »."]);
    const badYear = await run("rapport", register, "--annee", "25", "--sortie", join(temp.dir, "x.xlsx"));
    expect([badYear.code, badYear.stderr]).toEqual([2, "Option --annee : Année : « 25 » n'est pas une année entre 1900 et 9999."]);
    const toCome = await run("rapport", register, "--annee", "2027", "--date", "2026-11-29", "--sortie", join(temp.dir, "x.xlsx"));
    expect([toCome.code, toCome.stderr]).toEqual([
      2,
      "Option --annee : Année : 2027 n'a pas commencé à la date du 29/11/2026 ; son rapport serait vide. Choisissez une année écoulée ou l'année en cours.",
    ]);
    const absent = await run("rapport", join(temp.dir, "absent.xlsx"), "--annee", "2025", "--sortie", join(temp.dir, "x.xlsx"));
    expect([absent.code, absent.stderr]).toEqual([2, `Le fichier « ${join(temp.dir, "absent.xlsx")} » n'existe pas.`]);
    expect(existsSync(join(temp.dir, "x.xlsx"))).toBe(false);
  });
});

describe("registre comite", () => {
  it("writes a copy with the 'Comité – TEAM2-2024' sheet", async () => {
    const register = await demo("comite.xlsx");
    const before = fingerprint(register);
    const output = join(temp.dir, "comite-team2.xlsx");
    const result = await run("comite", register, "--convention", "TEAM2-2024", "--date", AS_OF, "--sortie", output);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(`Préparation du comité de suivi de la convention TEAM2-2024 écrite dans « ${output} », feuille « Comité – TEAM2-2024 ».`);
    expect(fingerprint(register)).toEqual(before);
    const values = (await (await sheetsOf(output)).readSheet("Comité – TEAM2-2024")).values;
    expect(values[0][0]).toBe("Préparation du comité de suivi — convention TEAM2-2024");
    // The demo's TEAM2 at 26/01/2026: no comité in 2025-S1, the club territorial's quarters, the jalon at 18 months.
    const obligations = values.findIndex((row) => row[0] === "Obligation");
    expect(values.slice(obligations + 1, obligations + 4).map((row) => [row[0], row[3]])).toEqual([
      ["Comité de suivi", "En retard"],
      ["Club territorial", "En retard"],
      ["Pôle innovation", "En retard"],
    ]);
  });

  it("names the references when the convention is not in the register", async () => {
    const register = await demo("inconnue.xlsx");
    const result = await run("comite", register, "--convention", "CP-99", "--date", AS_OF, "--sortie", join(temp.dir, "y.xlsx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Aucune convention « CP-99 » dans le registre \(références : TEAM2-2024, CP-01, CP-02, .*, CP-13\)\.$/);
    expect(existsSync(join(temp.dir, "y.xlsx"))).toBe(false);
  });
});

describe("parseArgs: rapport and comite", () => {
  it("reads the options, anywhere after the command", () => {
    expect(parseArgs(["rapport", "--annee=2025", "r.xlsx", "--sortie", "o.xlsx", "--collectivite", "CA", "--remplacer"])).toEqual({
      ok: true,
      command: { kind: "report", file: "r.xlsx", year: "2025", authority: "CA", date: null, mappingFile: null, output: "o.xlsx", replace: true },
    });
    expect(parseArgs(["comité", "r.xlsx", "--convention", "TEAM2", "--sortie", "o.xlsx", "--date", "2026-01-26"])).toEqual({
      ok: true,
      command: { kind: "committee", file: "r.xlsx", conventionId: "TEAM2", authority: null, date: "2026-01-26", mappingFile: null, output: "o.xlsx", replace: false },
    });
    expect(parseArgs(["comite", "r.xlsx", "--sortie", "o.xlsx"])).toEqual({ ok: false, error: { code: "missing_option", value: "--convention", command: "comite" } });
    expect(parseArgs(["rapport", "r.xlsx", "--annee", "2025", "--sortie", "o.xlsx", "--json"])).toEqual({
      ok: false,
      error: { code: "unknown_option", value: "--json", command: "rapport" },
    });
  });
});
