import { parseFrenchNumber } from "../../../src/core/text/frenchNumber";
import { frenchMonth } from "../../../src/core/text/frenchMonths";
import { parseDateText } from "../../../src/core/text/parseDateText";
import { parseDuration } from "../../../src/core/text/parseDuration";
import { d, iso } from "../../helpers/dates";

describe("parseDuration", () => {
  it.each([
    ["3 ans", 36],
    ["trois ans", 36],
    ["18 mois", 18],
    ["dix-huit mois", 18],
    ["1 an et 6 mois", 18],
    ["deux ans", 24],
    ["36 mois", 36],
    ["un an", 12],
    ["Trois (3) ans", 36],
    ["TROIS ANS", 36],
    ["3 années", 36],
    ["1 an, 6 mois", 18],
    ["3 ans 6 mois", 42],
    ["2 semestres", 12],
    ["vingt-quatre mois", 24],
    ["trente-six mois", 36],
    ["quarante-huit mois", 48],
    ["soixante mois", 60],
    ["36", 36],
    ["3 ans.", 36],
    ["3\u00a0ans", 36],
  ])("%s = %i months", (text, months) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: months });
  });

  it("accepts a number of months", () => {
    expect(parseDuration(36)).toEqual({ ok: true, value: 36 });
  });

  it.each([
    ["3 ans et demi", "demi"],
    ["-2 mois", "- 2 mois"],
    ["1,5 an", "1 , 5 an"],
    ["bientôt", "bientot"],
    ["trois (4) ans", "trois (4) ans"],
    ["ans", "ans"],
    ["0 mois", "0 mois"],
    ["3 ans et", "3 ans et"],
  ])("refuses %s and names what was not understood (%s)", (text, notUnderstood) => {
    expect(parseDuration(text)).toEqual({ ok: false, error: { code: "invalid_duration", value: text, notUnderstood } });
  });

  it.each([0, -2, 2.5, Number.NaN, 1201])("refuses %p months", (months) => {
    expect(parseDuration(months).ok).toBe(false);
  });
});

describe("parseFrenchNumber", () => {
  const n = (text: string) => parseFrenchNumber(text.split(" "));
  it("reads French numbers", () => {
    expect(n("un")).toBe(1);
    expect(n("dix")).toBe(10);
    expect(n("dix sept")).toBe(17);
    expect(n("vingt et un")).toBe(21);
    expect(n("soixante et onze")).toBe(71);
    expect(n("soixante dix")).toBe(70);
    expect(n("soixante dix huit")).toBe(78);
    expect(n("quatre vingt")).toBe(80);
    expect(n("quatre vingts")).toBe(80);
    expect(n("quatre vingt dix neuf")).toBe(99);
    expect(n("cent vingt")).toBe(120);
    expect(n("deux cents")).toBe(200);
  });
  it("refuses what is not a number", () => {
    for (const bad of ["deux trois", "vingt douze", "dix dix", "et un", "quatre vingt et un", "demi", ""]) {
      expect(n(bad)).toBeNull();
    }
  });
});

describe("parseDateText", () => {
  it.each([
    ["12/07/2024", "2024-07-12"],
    ["1/7/2024", "2024-07-01"],
    ["12-07-2024", "2024-07-12"],
    ["12.07.2024", "2024-07-12"],
    ["05/04/22", "2022-04-05"],
    ["05/04/85", "1985-04-05"],
    ["2024-07-12", "2024-07-12"],
    ["2024-07-12T00:00:00Z", "2024-07-12"],
    ["12 juillet 2024", "2024-07-12"],
    ["1er mars 2023", "2023-03-01"],
    ["11 JUIL. 2024", "2024-07-11"],
    ["3 février 2021", "2021-02-03"],
    ["3 fevrier 2021", "2021-02-03"],
    ["15 août 2024", "2024-08-15"],
    ["mardi 25 juin 2024", "2024-06-25"],
    ["le 12 juillet 2024", "2024-07-12"],
    ["  29/02/2024 ", "2024-02-29"],
    ["14/07/1789", "1789-07-14"],
  ])("reads %s", (text, expected) => {
    const r = parseDateText(text);
    expect(r.ok && iso(r.value)).toBe(expected);
  });

  it.each(["31/02/2024", "29/02/2023", "2024-13-01", "32 juillet 2024", "00/01/2024"])("%s does not exist", (text) => {
    expect(parseDateText(text)).toMatchObject({ ok: false, error: { code: "impossible_date", value: text } });
  });

  it.each(["abc", "12/07", "2024", "12 ju 2024", "12 juillet", "12/07/2024 et 13/07/2024", "45485"])("%s is no date", (text) => {
    expect(parseDateText(text)).toMatchObject({ ok: false, error: { code: "invalid_date", value: text } });
  });

  it("reads French month names and abbreviations", () => {
    expect(["janvier", "FÉVR.", "mars", "avr", "mai", "juin", "juil.", "aout", "sept.", "oct", "nov.", "déc."].map(frenchMonth)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(frenchMonth("ju")).toBeNull();
    expect(frenchMonth("jui")).toBeNull();
    expect(frenchMonth("lundi")).toBeNull();
  });
});

// Found by tests/functions/badInputs.test.ts: a word every JavaScript object inherits
// ("constructor") was taken for a unit or a number, and "3 constructor" came out as NaN months.
describe("words every object inherits are not French words", () => {
  it.each(["3 constructor", "constructor ans", "trois constructor", "1 an et constructor mois", "constructor"])(
    "parseDuration(%p) is invalid_duration, never a number of months",
    (text) => {
      expect(parseDuration(text)).toMatchObject({ ok: false, error: { code: "invalid_duration", value: text } });
    },
  );

  it("parseFrenchNumber reads no number in them", () => {
    expect(parseFrenchNumber(["constructor"])).toBeNull();
    expect(parseFrenchNumber(["vingt", "constructor"])).toBeNull();
    expect(parseFrenchNumber(["dix", "constructor"])).toBeNull();
  });
});

describe("parseDateText: the weekday and the time of day must exist as well", () => {
  // 12/07/2024 was a Friday, 25/06/2024 a Tuesday.
  it.each([
    ["lundi 12 juillet 2024", "2024-07-12"],
    ["le mardi 12/07/2024", "2024-07-12"],
    ["samedi 2024-07-12", "2024-07-12"],
    ["Dimanche 25 juin 2024", "2024-06-25"],
  ])("%s names a weekday the date does not have: impossible_date, the date it names as `actual`", (text, date) => {
    expect(parseDateText(text)).toMatchObject({ ok: false, error: { code: "impossible_date", value: text, actual: d(date) } });
  });

  it.each([
    ["vendredi 12 juillet 2024", "2024-07-12"],
    ["Vendredi, 12/07/2024", "2024-07-12"],
    ["le mardi 25 juin 2024", "2024-06-25"],
  ])("%s with its right weekday is read", (text, date) => {
    const r = parseDateText(text);
    expect(r.ok && iso(r.value)).toBe(date);
  });

  it.each(["2024-07-12T25:00", "2024-07-12T12:60", "2024-07-12 24:00", "2024-07-12T12:00:60", "2024-07-12T12:00+25:00"])(
    "%s has a time that does not exist: no date",
    (text) => {
      expect(parseDateText(text)).toMatchObject({ ok: false, error: { code: "invalid_date", value: text } });
    },
  );

  it.each(["2024-07-12T23:59:59", "2024-07-12 00:00", "2024-07-12T09:30:00.000+02:00", "2024-07-12T9:05"])("%s is 12/07/2024", (text) => {
    const r = parseDateText(text);
    expect(r.ok && iso(r.value)).toBe("2024-07-12");
  });
});

describe("parseDuration: an error keeps the value as it was received", () => {
  it.each(["1201", "0", " 0000 "])("%p in text stays text in the error", (text) => {
    expect(parseDuration(text)).toMatchObject({ ok: false, error: { code: "invalid_duration", value: text } });
  });
});
