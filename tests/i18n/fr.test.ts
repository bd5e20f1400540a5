import { ErrorCode, ErrorOf } from "../../src/core/base/errors";
import { publicHolidays } from "../../src/core/dates/publicHolidays";
import { HOLIDAY_NAMES, STATUS_LABELS, describeValue, errorMessage, formatDateFr, formatDateLongFr } from "../../src/i18n/fr";
import { d } from "../helpers/dates";

describe("French messages", () => {
  it("phrases a missing date as unknown yet", () => {
    expect(errorMessage({ code: "missing_date", field: "publication" })).toBe("Date de publication manquante.");
    expect(errorMessage({ code: "missing_value", field: "duration" })).toBe("Durée : valeur manquante.");
  });

  it("quotes the offending text and says what was expected", () => {
    expect(errorMessage({ code: "invalid_date", field: "start", value: "abc" })).toBe(
      "Date de début : « abc » n'est pas une date reconnue (exemples : 12/07/2024, 2024-07-12, 12 juillet 2024).",
    );
    expect(errorMessage({ code: "impossible_date", field: "date", value: "31/02/2024" })).toBe(
      "Date : « 31/02/2024 » n'existe pas dans le calendrier.",
    );
    expect(errorMessage({ code: "invalid_duration", field: "duration", value: "3 ans et demi", notUnderstood: "demi" })).toBe(
      "Durée : « 3 ans et demi » n'est pas une durée comprise (« demi » non compris). Exemples : 3 ans, trois ans, 18 mois, 1 an et 6 mois, 36 (en mois).",
    );
    expect(errorMessage({ code: "end_before_start", value: d("2024-01-01"), start: d("2024-07-15") })).toBe(
      "La date de fin (01/01/2024) précède la date de début (15/07/2024).",
    );
  });

  it("never shows a date past 31/12/9999: it names the months and the start they are counted from", () => {
    expect(errorMessage({ code: "past_excel_dates", field: "duration", value: 36, from: d("9997-09-22"), months: 36 })).toBe(
      "Durée : 36 mois à compter du 22/09/9997 mènent après le 31/12/9999, le dernier jour qu'Excel sait afficher ; la date qui en découle n'est pas calculée. Vérifiez la date de départ.",
    );
  });

  it("says when nothing is left rather than blaming the user", () => {
    expect(errorMessage({ code: "none_left", what: "committee" })).toMatch(/^Aucun semestre restant sans comité/);
  });

  it("has a sentence for every error code, none empty", () => {
    // One of each member of the union, with its facts: the compiler asks for every code.
    const value = "x";
    const samples: { [C in ErrorCode]: ErrorOf<C> } = {
      missing_date: { code: "missing_date", field: "date" },
      missing_value: { code: "missing_value", field: "date", rowLeftOut: true },
      none_left: { code: "none_left", what: "committee" },
      invalid_date: { code: "invalid_date", field: "date", value },
      impossible_date: { code: "impossible_date", field: "date", value, actual: d("2024-07-12") },
      phantom_excel_date: { code: "phantom_excel_date", field: "date", value: 60 },
      date_out_of_range: { code: "date_out_of_range", field: "date", value },
      past_excel_dates: { code: "past_excel_dates", field: "duration", value: 36, from: d("9997-09-22"), months: 36 },
      invalid_duration: { code: "invalid_duration", field: "date", value, notUnderstood: "y" },
      invalid_integer: { code: "invalid_integer", field: "date", value, min: 0, max: 12 },
      invalid_year: { code: "invalid_year", field: "date", value },
      year_to_come: { code: "year_to_come", field: "year", value: 2030, asOf: d("2026-12-06") },
      invalid_option: { code: "invalid_option", field: "date", value, options: "zone" },
      end_before_start: { code: "end_before_start", value: d("2024-01-01"), start: d("2024-07-15") },
      before_contract_start: { code: "before_contract_start", field: "date", value, contractStart: d("2024-07-15") },
      invalid_type: { code: "invalid_type", field: "date", value, expected: "date" },
      invalid_amount: { code: "invalid_amount", field: "date", value },
      invalid_siret: { code: "invalid_siret", field: "date", value, problem: "key" },
      unknown_convention: { code: "unknown_convention", field: "date", value },
      duplicate_reference: { code: "duplicate_reference", field: "date", value, firstRow: 4 },
      unexpected: { code: "unexpected", technical: "y" },
    };
    for (const error of Object.values(samples)) {
      const message = errorMessage(error);
      expect(message.length).toBeGreaterThan(5);
      expect(message).not.toMatch(/undefined|\[object/);
    }
  });

  it("shows values as a French reader expects", () => {
    expect(describeValue(true)).toBe("VRAI");
    expect(describeValue(false)).toBe("FAUX");
    expect(describeValue(1.5)).toBe("1,5");
    expect(describeValue("")).toBe("(vide)");
    expect(describeValue([[1]])).toBe("une plage de cellules");
    expect(describeValue(d("2024-07-12"))).toBe("12/07/2024");
  });

  it("writes dates in French whatever the machine's time zone", () => {
    expect(formatDateFr(d("2024-09-13"))).toBe("13/09/2024");
    expect(formatDateLongFr(d("2024-09-13"))).toBe("vendredi 13 septembre 2024");
    expect(formatDateLongFr(d("2025-01-01"))).toBe("mercredi 1er janvier 2025");
    expect(formatDateLongFr(d("2024-12-31"))).toBe("mardi 31 décembre 2024");
    expect(formatDateLongFr(d("2025-02-28"))).toBe("vendredi 28 février 2025");
  });

  it("names every holiday and status in French", () => {
    for (const h of publicHolidays(2025, "alsace-moselle")) expect(HOLIDAY_NAMES[h.key]).toMatch(/^[A-ZÀ-Ý]/);
    expect(Object.values(STATUS_LABELS)).toEqual(["À venir", "En cours", "À renouveler", "Échue"]);
  });
});
