/**
 * `registre importer` end to end, in-process through main(), on the fixtures' deliberations, as
 * text and as PDF (made at test time by tests/fixtures/pdf/makePdfs.ts: LibreOffice Writer, qpdf,
 * pdftoppm; without them those tests are skipped with a message, and fail under CI=true).
 *
 * @jest-environment ./tests/pdf/pdfjsEnvironment.cjs
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPdfjsForNode } from "../../src/pdf/loadPdfjsNode";
import { Made, makeEncryptedPdf, makeImageOnlyPdf, makeTeam2Pdf, simplePdf } from "../fixtures/pdf/makePdfs";
import { fingerprint, run, tempDir } from "./cliHelpers";

/** Node's own require (the environment's): pdf.js is ES modules only, which Jest's registry cannot load. */
declare const nodeRequire: (id: string) => unknown;

const FIXTURES = join(__dirname, "..", "fixtures", "deliberations");
const TEAM2 = join(FIXTURES, "deliberation-team2-2024.md");
const temp = tempDir();
afterAll(() => temp.remove());
// pdf.js is loaded once per process: with Node's own require here, main() then finds it loaded.
beforeAll(() => loadPdfjsForNode(nodeRequire));

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

    // A PDF is read now (its text layer); this one is a header and nothing else.
    const pdf = join(temp.dir, "deliberation.pdf");
    writeFileSync(pdf, Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n", "latin1"));
    const damaged = await run("importer", pdf);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/^Le fichier « .*deliberation\.pdf » n'a pas pu être lu\. Ce PDF est endommagé ou incomplet/);

    const word = join(temp.dir, "deliberation.docx");
    writeFileSync(word, Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"));
    const notText = await run("importer", word);
    expect(notText.code).toBe(2);
    expect(notText.stderr).toMatch(/n'est ni du texte ni un PDF.*donnez le PDF de la délibération, ou copiez son texte/);

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

describe("registre importer FICHIER.pdf: the PDF's text layer", () => {
  const inCi = process.env.CI === "true";
  const pdfs: { team2: Made; scan: Made; encrypted: Made } = { team2: { ok: false, reason: "" }, scan: { ok: false, reason: "" }, encrypted: { ok: false, reason: "" } };

  beforeAll(() => {
    pdfs.team2 = makeTeam2Pdf(temp.dir);
    const fromTeam2 = (make: (source: string) => Made): Made => (pdfs.team2.ok ? make(pdfs.team2.path) : pdfs.team2);
    pdfs.scan = fromTeam2((source) => makeImageOnlyPdf(temp.dir, source));
    pdfs.encrypted = fromTeam2((source) => makeEncryptedPdf(temp.dir, source, "secret", "encrypted.pdf"));
    const missing = Object.entries(pdfs).flatMap(([name, made]) => (made.ok ? [] : [`${name} : ${made.reason}`]));
    if (missing.length > 0 && !inCi) console.log(`PDF de test non faits (tests ignorés) :\n  ${missing.join("\n  ")}`);
  }, 240_000);

  /** The file's path, or null (the test then passes, having said why) when its tool is missing. */
  function made(file: Made): string | null {
    if (file.ok) return file.path;
    if (inCi) throw new Error(`PDF de test non fait sous CI : ${file.reason}`);
    return null;
  }

  it("a PDF of the TEAM2 deliberation (printed by LibreOffice) gives the same rows and fields as its text", async () => {
    const pdf = made(pdfs.team2);
    if (pdf === null) return;
    const before = fingerprint(pdf);
    const [fromPdf, fromText] = await Promise.all([run("importer", pdf, "--json"), run("importer", TEAM2, "--json")]);
    expect(fromPdf.err).toEqual([]);
    expect(fromPdf.code).toBe(0);
    const a = JSON.parse(fromPdf.stdout);
    const b = JSON.parse(fromText.stdout);
    expect(a.pdf).toEqual({ pages: 11, pagesWithoutText: [] });
    expect(b.pdf).toBeUndefined();
    expect(a.rows).toEqual(b.rows);
    expect(a.reference).toBe("TEAM2-2024");
    // Every field: the same value and confidence (the passages differ only by the PDF's line ends).
    const valueAndConfidence = (json: { fields: Record<string, { value: unknown; confidence: string }> }): Record<string, unknown> =>
      Object.fromEntries(Object.entries(json.fields).map(([key, field]) => [key, [field.value, field.confidence]]));
    expect(valueAndConfidence(a)).toEqual(valueAndConfidence(b));
    expect(a.rows.conventions).toMatchObject({ id: "TEAM2-2024", siret: "52882726400029", transmissionDate: 45484, publicationDate: 45485, duration: 36 });
    expect(fingerprint(pdf)).toEqual(before);

    const review = await run("importer", pdf);
    expect(review.out.slice(0, 2)).toEqual([`Délibération « ${pdf} » : ce que le texte donne, à vérifier avant de l'ajouter au registre`, "Texte lu dans le PDF : 11 pages."]);
    expect(review.stdout).toContain("Réception en préfecture (contrôle de légalité) : 11/07/2024   [sûr]");
  });

  it("a scan (no text layer) and a PDF with a password: exit 2, why in French, no OCR said", async () => {
    const scan = made(pdfs.scan);
    if (scan !== null) {
      const result = await run("importer", scan);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^Le fichier « .*scan\.pdf » n'a pas pu être lu\. Ce PDF ne contient aucun texte lisible \(1 page en images : un document numérisé \?\)\./);
      expect(result.stderr).toContain("sans reconnaissance de caractères (OCR)");
    }
    const encrypted = made(pdfs.encrypted);
    if (encrypted !== null) {
      const result = await run("importer", encrypted, "--json");
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/n'a pas pu être lu\. Ce PDF est protégé par un mot de passe/);
    }
  });

  it("over the limits: more than 200 pages, more than 20 Mio, refused before any page is read", async () => {
    const long = join(temp.dir, "recueil.pdf");
    writeFileSync(long, simplePdf(Array.from({ length: 201 }, (_, i) => [`Page ${i + 1}`])));
    const pages = await run("importer", long);
    expect(pages.code).toBe(2);
    expect(pages.stderr).toMatch(/Ce PDF a 201 pages \(au plus 200\) : gardez les pages de la délibération/);

    const large = join(temp.dir, "gros.pdf");
    writeFileSync(large, Buffer.concat([Buffer.from("%PDF-1.7\n", "latin1"), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
    const bytes = await run("importer", large);
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toMatch(/Ce PDF est trop volumineux \(21 Mo ; au plus 20 Mo\)/);
  });

  it("a PDF with a page of text and a page without: read, the page without text named", async () => {
    const file = join(temp.dir, "mixte.pdf");
    writeFileSync(file, simplePdf([["Séance du 3 février 2021", "Reçu en préfecture le 05/02/2021"], []]));
    const result = await run("importer", file);
    expect(result.code).toBe(0);
    expect(result.out[1]).toBe("Texte lu dans le PDF : 2 pages. La page 2 ne contient que des images, non lues (pas d'OCR) : vérifiez qu'il n'y manque rien.");
    expect(result.stdout).toContain("Réception en préfecture (contrôle de légalité) : 05/02/2021");
  });
});
