import { ExtractionNote, ExtractionNoteCode } from "../../src/core/deliberation/extracted";
import { d } from "../helpers/dates";
import { extractionNoteMessage, formatEuros, formatMonthsFr, otherPassages } from "../../src/i18n/deliberation.fr";

describe("French words of the import", () => {
  it("writes months as a duration is written", () => {
    expect([1, 12, 18, 24, 36, 42].map(formatMonthsFr)).toEqual(["1 mois", "1 an", "1 an et 6 mois", "2 ans", "3 ans", "3 ans et 6 mois"]);
  });

  it("writes euros with a space between thousands", () => {
    expect([0, 3500, 15000.5, 1234567].map(formatEuros)).toEqual(["0 €", "3 500 €", "15 000,50 €", "1 234 567 €"]);
  });

  it("has a sentence for every note, the other durations written as durations", () => {
    // One of each member of the union, with its facts: the compiler asks for every code.
    const samples: { [C in ExtractionNoteCode]: Extract<ExtractionNote, { code: C }> } = {
      not_found: { code: "not_found" },
      left_blank: { code: "left_blank" },
      computed: { code: "computed" },
      conflicting: { code: "conflicting", others: [{ value: { months: 24 }, sentence: "La convention est conclue pour deux ans." }] },
      ambiguous: { code: "ambiguous", candidates: [{ value: 60000, sentence: "…" }, { value: 45000, sentence: "…" }] },
      from_actes_id: { code: "from_actes_id", actesId: "029-242900694-20151112-2015_165-DE" },
      year_from_context: { code: "year_from_context", year: 2015 },
      period_without_days: { code: "period_without_days" },
      invalid_siret: { code: "invalid_siret", written: "528 827 264 000 28" },
      start_to_fill: { code: "start_to_fill" },
      yearly_amount: { code: "yearly_amount" },
      end_differs: { code: "end_differs", computedEnd: d("2027-07-14") },
    };
    for (const note of Object.values(samples)) expect(extractionNoteMessage("term", note)).toMatch(/^\S.{20,}[.:]?/);
    const other = <T>(value: T) => ({ value, sentence: "…" });
    expect(extractionNoteMessage("term", { code: "conflicting", others: [other({ months: 24 }), other({ months: 18 })] })).toBe(
      "À vérifier : d'autres passages du texte disent autre chose (2 ans ; 1 an et 6 mois).",
    );
    expect(extractionNoteMessage("amount", { code: "conflicting", others: [other(2500)] })).toBe("À vérifier : d'autres passages du texte disent autre chose (2 500 €).");
    expect(extractionNoteMessage("publicationDate", { code: "conflicting", others: [other(d("2024-07-13"))] })).toBe(
      "À vérifier : d'autres passages du texte disent autre chose (13/07/2024).",
    );
    expect(extractionNoteMessage("amount", samples.ambiguous)).toBe(
      "Le texte donne plusieurs valeurs (60 000 € ; 45 000 €) sans dire laquelle est celle de l'acte : aucune n'est reprise, à choisir.",
    );
    expect(extractionNoteMessage("term", samples.end_differs)).toBe("La date de fin écrite ne correspond pas à la durée (fin calculée : 14/07/2027) : vérifiez.");
  });

  it("gives each other passage of a note with its value, to quote under the field's own", () => {
    const note: ExtractionNote = { code: "conflicting", others: [{ value: d("2009-06-16"), sentence: "Affiché le 16 juin 2009." }] };
    expect(otherPassages("publicationDate", note)).toEqual([{ value: "16/06/2009", sentence: "Affiché le 16 juin 2009." }]);
    expect(otherPassages("publicationDate", { code: "left_blank" })).toEqual([]);
  });
});
