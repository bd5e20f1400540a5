/**
 * `registre importer` end to end, in-process through main(), on the fixtures' deliberations.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fingerprint, run, tempDir } from "./cliHelpers";

const FIXTURES = join(__dirname, "..", "fixtures", "deliberations");
const TEAM2 = join(FIXTURES, "deliberation-team2-2024.md");
const temp = tempDir();
afterAll(() => temp.remove());

describe("registre importer", () => {
  it("shows each field with its value, its sentence and how sure it is, then the rows it would add", async () => {
    const before = fingerprint(TEAM2);
    const result = await run("importer", TEAM2);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain("Date de la séance : 25/06/2024   [sûr]");
    expect(out).toContain("Réception en préfecture (contrôle de légalité) : 11/07/2024   [sûr]");
    expect(out).toContain("    « Certifié exécutoire par le Président Compte tenu de la réception en Sous-préfecture le : 11 JUIL. 2024 »");
    expect(out).toContain("Publication ou affichage : 12/07/2024   [sûr]");
    expect(out).toContain("Date exécutoire : 12/07/2024   [à vérifier]");
    expect(out).toContain("Signature de la convention : (laissé en blanc)   [sûr]");
    expect(out).toContain("Durée de la convention : 3 ans à compter de sa notification   [sûr]");
    expect(out).toContain("SIRET du partenaire : 528 827 264 00029   [sûr]");
    expect(out).toContain("Engagement financier : 0 € (sans engagement financier)   [sûr]");
    expect(out).toContain("  - n° 2022CC/136 du 06/12/2022");
    expect(out).toContain("  - Club territorial : une fois par trimestre (tous les 3 mois)   [à vérifier]");
    expect(out).toContain("  - Pôle innovation : dans un délai de 18 mois   [sûr]");
    expect(out).toContain("Lignes proposées pour le registre (référence suggérée : TEAM2-2024)");
    expect(out).toContain("    Date transmission préfecture : 11/07/2024");
    expect(out).toContain("    3. Référence convention : TEAM2-2024 ; Libellé : Pôle innovation ; Type : Jalon ; Délai (mois) : 18");
    expect(out).toMatch(/Rien n'est écrit/);
    expect(fingerprint(TEAM2)).toEqual(before);
  });

  it("--json: one object with the fields (dates as AAAA-MM-JJ), their notes in French, and the rows as cells", async () => {
    const result = await run("importer", join(FIXTURES, "departement-nord-2020.txt"), "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["file", "reference", "fields", "deliberationNumbers", "recurring", "milestones", "rows"]);
    expect(json.fields.transmissionDate).toMatchObject({ value: "2020-12-17", confidence: "high", confidenceLabel: "sûr" });
    expect(json.fields.publicationDate.value).toBeNull();
    expect(json.fields.publicationDate.notes[0].code).toBe("left_blank");
    expect(json.fields.publicationDate.notes[0].message).toMatch(/laissée en blanc/);
    expect(json.fields.term.value).toEqual({
      months: 36,
      durationText: null,
      from: "date",
      fromText: "du 1er janvier 2021 au 31 décembre 2023",
      start: "2021-01-01",
      end: "2023-12-31",
    });
    expect(json.fields.amount.notes.map((n: { code: string }) => n.code)).toEqual(["yearly_amount"]);
    expect(json.rows.conventions).toMatchObject({ id: "GEORGES-BRASSENS-2020", start: 44197, end: 45291, duration: 36, amount: 20000 });
    expect(json.deliberationNumbers[0]).toMatchObject({ number: "DEL-2020-045", own: true });
  });

  it("reports a SIRET whose key is wrong", async () => {
    const result = await run("importer", join(FIXTURES, "cc-pays-de-lumbres-2023.txt"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SIRET du partenaire : (non trouvé)   [sûr]");
    expect(result.stdout).toContain("Le SIRET écrit (779 314 682 000 14) n'est pas valable");
  });

  it("reads a text saved in Windows' encoding as well as UTF-8", async () => {
    const file = join(temp.dir, "ansi.txt");
    writeFileSync(file, Buffer.from("Séance du 3 février 2021\nReçu en préfecture le 05/02/2021\n", "latin1"));
    const result = await run("importer", file, "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.fields.sessionDate.value).toBe("2021-02-03");
    expect(json.fields.transmissionDate.value).toBe("2021-02-05");
  });

  it("exit code 2 with a French reason for a missing file, a PDF, a text that is no deliberation, no file", async () => {
    const missing = await run("importer", join(temp.dir, "absente.txt"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Le fichier « .*absente\.txt » n'existe pas\.$/);

    const pdf = join(temp.dir, "deliberation.pdf");
    writeFileSync(pdf, Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n", "latin1"));
    const notText = await run("importer", pdf);
    expect(notText.code).toBe(2);
    expect(notText.stderr).toMatch(/n'est pas du texte.*copiez le texte/);

    const other = join(temp.dir, "courses.txt");
    writeFileSync(other, "Pain, lait, œufs.\n");
    const notDeliberation = await run("importer", other);
    expect(notDeliberation.code).toBe(2);
    expect(notDeliberation.stderr).toMatch(/ne contient rien d'une délibération/);

    const none = await run("importer");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Indiquez le fichier texte de la délibération/);

    const option = await run("importer", TEAM2, "--date", "2024-01-01");
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Option inconnue pour « importer » : --date/);
  });

  it("takes a copy the same way as the original (the file name is only shown)", async () => {
    const copy = join(temp.dir, "copie.md");
    copyFileSync(TEAM2, copy);
    const [a, b] = await Promise.all([run("importer", TEAM2, "--json"), run("importer", copy, "--json")]);
    expect({ ...JSON.parse(a.stdout), file: "" }).toEqual({ ...JSON.parse(b.stdout), file: "" });
  });
});

describe("registre importer, the words of the review", () => {
  it("says the comité's rhythm and the duration in months and years", async () => {
    const result = await run("importer", TEAM2);
    expect(result.stdout).toContain(
      "Comité de suivi : au minimum 2 fois par an (au moins une fois par semestre) — comité de suivi, au plus 6 mois entre deux réunions   [sûr]",
    );
    expect(result.stdout).toContain("    Durée : 36 (3 ans)");
  });
});
