import { findDatesInText } from "../../../src/core/text/findDatesInText";
import { findFrequencies } from "../../../src/core/text/findFrequencies";
import { leadingDuration } from "../../../src/core/text/leadingDuration";
import { foldAligned, prepareDeliberationText } from "../../../src/core/deliberation/deliberationText";
import { recaseCapitals } from "../../../src/core/deliberation/recaseCapitals";
import { normalizeText } from "../../../src/core/text/normalizeText";
import { iso } from "../../helpers/dates";

describe("findDatesInText", () => {
  const dates = (text: string) => findDatesInText(normalizeText(text)).map((f) => [iso(f.date), f.text]);

  it("finds the stamps' forms inside a sentence", () => {
    expect(dates("Sous-préfecture le : 11 JUIL. 2024 et publication le 12/07/2024")).toEqual([
      ["2024-07-11", "11 juil. 2024"],
      ["2024-07-12", "12/07/2024"],
    ]);
    expect(dates("le 1er mars 2023, puis le 3 février 2021")).toEqual([
      ["2023-03-01", "1er mars 2023"],
      ["2021-02-03", "3 fevrier 2021"],
    ]);
    expect(dates("Affiché le 05/04/22 ; 2024-07-12")).toEqual([
      ["2022-04-05", "05/04/22"],
      ["2024-07-12", "2024-07-12"],
    ]);
  });

  it("takes no date out of longer runs of digits, numbers of acts or impossible days", () => {
    expect(dates("062-200072130-20240625-2024CC136-DE")).toEqual([]);
    expect(dates("Tél. 03.21.61.50.00")).toEqual([]);
    expect(dates("DEL-2020-045, n° 12/2021, 31/02/2024, 3 ans 2024")).toEqual([]);
  });
});

describe("findFrequencies", () => {
  const months = (text: string) => findFrequencies(normalizeText(text)).map((f) => [f.months, f.atLeast]);

  it("reads a rhythm in months between occurrences", () => {
    expect(months("au minimum 2 fois par an (au moins une fois par semestre)")).toEqual([
      [6, true],
      [6, true],
    ]);
    expect(months("réunir une fois par trimestre les acteurs")).toEqual([[3, false]]);
    expect(months("chaque trimestre")).toEqual([[3, false]]);
    expect(months("tous les six mois")).toEqual([[6, false]]);
    expect(months("tous les ans")).toEqual([[12, false]]);
    expect(months("tous les deux ans")).toEqual([[24, false]]);
    expect(months("trois fois par an")).toEqual([[4, false]]);
    expect(months("se réunit annuellement")).toEqual([[12, false]]);
  });

  it("leaves out what is no whole number of months or no rhythm", () => {
    expect(months("cinq fois par an")).toEqual([]);
    expect(months("renouvelable deux fois par reconduction expresse")).toEqual([]);
    expect(months("chaque partie s'engage")).toEqual([]);
  });
});

describe("prepareDeliberationText", () => {
  it("removes the markup and keeps superscripts as text", () => {
    const text = prepareDeliberationText("**CONVENTION AVEC L'ASSOCIATION TEAM<sup>2</sup>**\n\nLe comité&nbsp;se réunit. M. Dupont préside.");
    expect(text.sentences.map((s) => s.text)).toEqual(["CONVENTION AVEC L'ASSOCIATION TEAM2", "Le comité se réunit.", "M. Dupont préside."]);
    expect(text.sentences[1].heading).toBe("CONVENTION AVEC L'ASSOCIATION TEAM2");
  });

  // Found while fixing the same mistake in the custom functions' word tables: "&constructor;" came
  // out as a JavaScript function's source, and "&#99999999;" stopped the import with a RangeError.
  it("keeps as written the entities it does not know, and numeric ones past Unicode", () => {
    const text = prepareDeliberationText("Le comité&constructor;se réunit &#99999999; le 12/07/2024 &#171;ici&#187;.");
    expect(text.lines.map((l) => l.text)).toEqual(["Le comité&constructor;se réunit &#99999999; le 12/07/2024 «ici»."]);
  });

  it("joins a heading wrapped over two lines, and a title's continuation in lower case", () => {
    const text = prepareDeliberationText("**CONVENTION DE PARTENARIAT ENTRE A  **\n**ET B**\nObjet : Convention avec X pour\nl'observation du territoire\nLe texte.");
    expect(text.sentences.map((s) => s.text)).toEqual([
      "CONVENTION DE PARTENARIAT ENTRE A ET B",
      "Objet : Convention avec X pour l'observation du territoire",
      "Le texte.",
    ]);
  });

  it("folds text without moving any character", () => {
    const text = "Réception en Sous-Préfecture le : 11 JUIL. 2024 — œuvre";
    expect(foldAligned(text)).toHaveLength(text.length);
    expect(foldAligned(text)).toBe("reception en sous-prefecture le : 11 juil. 2024 — œuvre");
  });
});

describe("recaseCapitals", () => {
  const document = "La Ville de Béthune signe avec l'association TEAM2. Le partenariat de la convention. TEAM2 est un pôle.";

  it("writes each word as the document spells it, small words in lower case", () => {
    expect(recaseCapitals("CONVENTION DE PARTENARIAT ENTRE BETHUNE ET TEAM2", document)).toBe("Convention de partenariat entre Béthune et TEAM2");
  });

  it("keeps a short word never written otherwise (an acronym), and leaves ordinary text alone", () => {
    expect(recaseCapitals("CONVENTION AVEC LE CCAS", document)).toBe("Convention avec le CCAS");
    expect(recaseCapitals("Convention avec le CCAS", document)).toBe("Convention avec le CCAS");
  });
});

describe("leadingDuration", () => {
  it("reads the longest duration a text starts with, and says how long its words are", () => {
    expect(leadingDuration("3 ans et articulee autour de 3 actions")).toEqual({ months: 36, length: 5 });
    expect(leadingDuration("dix-huit mois a compter du 1er mai")).toEqual({ months: 18, length: 13 });
    expect(leadingDuration("1 an et 6 mois, renouvelable")).toEqual({ months: 18, length: 14 });
    expect(leadingDuration("la signature")).toBeNull();
  });
});
