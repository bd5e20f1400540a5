import { ExtractionNoteCode } from "../../src/core/deliberation/extracted";
import { extractionNoteMessage, formatEuros, formatMonthsFr } from "../../src/i18n/deliberation.fr";

describe("French words of the import", () => {
  it("writes months as a duration is written", () => {
    expect([1, 12, 18, 24, 36, 42].map(formatMonthsFr)).toEqual(["1 mois", "1 an", "1 an et 6 mois", "2 ans", "3 ans", "3 ans et 6 mois"]);
  });

  it("writes euros with a space between thousands", () => {
    expect([0, 3500, 15000.5, 1234567].map(formatEuros)).toEqual(["0 €", "3 500 €", "15 000,50 €", "1 234 567 €"]);
  });

  it("has a sentence for every note, the other durations written as durations", () => {
    const codes: ExtractionNoteCode[] = ["not_found", "left_blank", "computed", "conflicting", "invalid_siret", "start_to_fill", "yearly_amount", "end_differs"];
    for (const code of codes) expect(extractionNoteMessage("term", { code, detail: "24" })).toMatch(/^\S.{20,}[.:]?/);
    expect(extractionNoteMessage("term", { code: "conflicting", detail: "24 ; 18" })).toBe("D'autres passages du texte disent autre chose (2 ans ; 1 an et 6 mois) : vérifiez.");
    expect(extractionNoteMessage("amount", { code: "conflicting", detail: "2500" })).toBe("D'autres passages du texte disent autre chose (2500) : vérifiez.");
  });
});
