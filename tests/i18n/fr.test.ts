import { ErrorCode } from "../../src/core/base/errors";
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
    expect(errorMessage({ code: "invalid_duration", field: "duration", value: "3 ans et demi", detail: "demi" })).toBe(
      "Durée : « 3 ans et demi » n'est pas une durée comprise (« demi » non compris). Exemples : 3 ans, trois ans, 18 mois, 1 an et 6 mois, 36 (en mois).",
    );
    expect(errorMessage({ code: "end_before_start", value: d("2024-01-01"), detail: "15/07/2024" })).toBe(
      "La date de fin (01/01/2024) précède la date de début (15/07/2024).",
    );
  });

  it("says when nothing is left rather than blaming the user", () => {
    expect(errorMessage({ code: "none_left", detail: "committee" })).toMatch(/^Aucun semestre restant sans comité/);
  });

  it("has a sentence for every error code, none empty", () => {
    const codes: ErrorCode[] = [
      "missing_date", "missing_value", "none_left", "invalid_date", "impossible_date", "phantom_excel_date",
      "date_out_of_range", "invalid_duration", "invalid_integer", "invalid_year", "invalid_option",
      "end_before_start", "before_contract_start", "invalid_type", "unexpected",
    ];
    for (const code of codes) {
      const message = errorMessage({ code, field: "date", value: "x", detail: "y" });
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
