/**
 * The extraction on every deliberation of tests/fixtures/deliberations: each field of each text,
 * with the value worked out by hand from the text (the comment above each case quotes where).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DeliberationExtraction, extractDeliberation, hasAnyField } from "../../../src/core/deliberation/extractDeliberation";
import { d } from "../../helpers/dates";
import { EXPECTED, absent, blank, brief } from "./syntheticExpected";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "deliberations");
const read = (file: string): DeliberationExtraction => extractDeliberation(readFileSync(join(FIXTURES, file), "utf8"));

describe.each(Object.entries(EXPECTED))("extractDeliberation(%s)", (file, expected) => {
  const extraction = read(file);

  it("reads the collectivité, the séance and the numbers", () => {
    expect(brief(extraction.authority)).toEqual(expected.authority);
    expect(extraction.sessionDate.value).toEqual(expected.sessionDate);
    expect(extraction.deliberationNumber.value).toBe(expected.deliberationNumber);
    expect(extraction.deliberationNumbers.filter((n) => !n.own).map((n) => ({ number: n.number, date: n.date }))).toEqual(expected.cited);
  });

  it("reads the title, the partner and its SIRET", () => {
    expect(brief(extraction.title)).toEqual(expected.title);
    expect(extraction.partner.value).toBe(expected.partner);
    expect(brief(extraction.siret)).toEqual(expected.siret);
  });

  it("reads each stamp, blank ones staying blank", () => {
    expect(brief(extraction.transmissionDate)).toEqual(expected.transmissionDate);
    expect(brief(extraction.publicationDate)).toEqual(expected.publicationDate);
    expect(brief(extraction.enforceableDate)).toEqual(expected.enforceableDate);
    expect(brief(extraction.signatureDate)).toEqual(expected.signatureDate);
  });

  it("reads the term, the comité, the obligations and the milestones", () => {
    expect(brief(extraction.term)).toEqual(expected.term);
    expect(brief(extraction.committee)).toEqual(expected.committee);
    expect(extraction.recurring.map(brief)).toEqual(expected.recurring);
    expect(extraction.milestones.map(brief)).toEqual(expected.milestones);
  });

  it("reads the money, the court and the appeal months", () => {
    expect(brief(extraction.amount)).toEqual(expected.amount);
    expect(extraction.court.value).toBe(expected.court);
    expect(extraction.appealMonths.value).toBe(expected.appealMonths);
  });

  it("quotes, for each value found, a sentence of the text that holds it", () => {
    const text = readFileSync(join(FIXTURES, file), "utf8").replace(/\s+/g, " ");
    for (const field of [extraction.sessionDate, extraction.partner, extraction.transmissionDate, extraction.term, extraction.court]) {
      if (field.value === null) continue;
      expect(field.sentence).not.toBeNull();
      // Every word of the quoted sentence is in the text (markup aside).
      const words = (field.sentence ?? "").split(" ").filter((w) => /^[\p{L}\d]+$/u.test(w));
      for (const word of words) expect(text).toContain(word);
    }
  });
});

describe("extractDeliberation, the details", () => {
  it("quotes the stamp that says the date and the sentence that gives the term", () => {
    const team2 = read("deliberation-team2-2024.md");
    expect(team2.transmissionDate.sentence).toBe("Certifié exécutoire par le Président Compte tenu de la réception en Sous-préfecture le : 11 JUIL. 2024");
    expect(team2.term.sentence).toBe("La présente convention est conclue pour une durée de 3 ans à compter de sa notification.");
    expect(team2.signatureDate.sentence).toBe("Fait à Béthune, le");
  });

  it("reports a SIRET whose key is wrong with the number as written, and keeps none", () => {
    const lumbres = read("cc-pays-de-lumbres-2023.txt");
    expect(lumbres.siret.notes).toEqual([{ code: "invalid_siret", written: "779 314 682 000 14" }]);
  });

  it("never borrows a blank stamp's date from another stamp", () => {
    const text = "Reçu en préfecture le 05/04/22\nAffiché le : ____\nExécutoire le :";
    const extraction = extractDeliberation(text);
    expect(extraction.transmissionDate.value).toEqual(d("2022-04-05"));
    expect(brief(extraction.publicationDate)).toEqual(blank);
    expect(brief(extraction.enforceableDate)).toEqual(blank);
  });

  it("does not take the affichage of the convocation, nor 'à compter de sa publication', for a publication stamp", () => {
    const extraction = extractDeliberation(
      "Le Conseil s'est réuni le 3 février 2021, en suite d'une convocation en date du 27 janvier 2021, affichée le 27 janvier 2021.\n\n" +
        "Recours possible dans un délai de deux mois à compter de sa publication.",
    );
    expect(brief(extraction.publicationDate)).toEqual(absent);
    expect(extraction.sessionDate.value).toEqual(d("2021-02-03"));
  });

  it("marks passages that disagree as uncertain and names the other value", () => {
    const extraction = extractDeliberation(
      "La convention est conclue pour une durée de 3 ans à compter de sa notification.\n\nLa présente convention est conclue pour une durée de deux ans.",
    );
    expect(extraction.term.value?.months).toBe(36);
    expect(extraction.term.confidence).toBe("low");
    // Each other value comes with its passage, so that both can be checked.
    expect(extraction.term.notes).toContainEqual({
      code: "conflicting",
      others: [{ value: expect.objectContaining({ months: 24 }), sentence: "La présente convention est conclue pour une durée de deux ans." }],
    });
  });

  it("says when a written end does not follow from the start and the duration", () => {
    const extraction = extractDeliberation("La convention est conclue pour une durée de 3 ans, du 1er avril 2020 au 31 mars 2024.");
    expect(extraction.term.value).toMatchObject({ months: 36, start: d("2020-04-01"), end: d("2024-03-31") });
    expect(extraction.term.notes).toEqual([{ code: "end_differs", computedEnd: d("2023-03-31") }]);
    expect(extraction.term.confidence).toBe("low");
  });

  it("reads an amount and 'sans engagement financier' as a disagreement", () => {
    const extraction = extractDeliberation(
      "La convention est mise en œuvre sans engagement financier.\n\nLa Ville verse une subvention de 2 500 € à l'association.",
    );
    expect(extraction.amount.value).toBe(0);
    expect(extraction.amount.notes).toEqual([{ code: "conflicting", others: [{ value: 2500, sentence: "La Ville verse une subvention de 2 500 € à l'association." }] }]);
  });

  it("finds nothing in a text that is no deliberation", () => {
    const extraction = extractDeliberation("Liste des courses : pain, lait, œufs.");
    expect(brief(extraction.sessionDate)).toEqual(absent);
    expect(brief(extraction.term)).toEqual(absent);
    expect(extraction.sessionDate.sentence).toBeNull();
    expect(extraction.recurring).toEqual([]);
    expect(hasAnyField(extraction)).toBe(false);
    expect(hasAnyField(read("metropole-lille-2024.md"))).toBe(true);
  });
});
