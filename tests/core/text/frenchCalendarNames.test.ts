import { fr } from "date-fns/locale/fr";
import { FRENCH_MONTHS, FRENCH_MONTHS_SHORT, FRENCH_WEEKDAYS } from "../../../src/core/text/frenchCalendarNames";

type MonthIndex = Parameters<typeof fr.localize.month>[0];
type DayIndex = Parameters<typeof fr.localize.day>[0];

describe("French month and weekday names", () => {
  test("are date-fns' French locale's, in the same order", () => {
    const months = (width: "wide" | "abbreviated") => Array.from({ length: 12 }, (_, i) => fr.localize.month(i as MonthIndex, { width, context: "formatting" }));
    expect(FRENCH_MONTHS).toEqual(months("wide"));
    expect(FRENCH_MONTHS_SHORT).toEqual(months("abbreviated"));
    expect(FRENCH_WEEKDAYS).toEqual(Array.from({ length: 7 }, (_, i) => fr.localize.day(i as DayIndex, { width: "wide", context: "formatting" })));
  });

  test("index 0 is January and Sunday (Date.getUTCMonth, Date.getUTCDay)", () => {
    expect(FRENCH_MONTHS[new Date(Date.UTC(2024, 6, 14)).getUTCMonth()]).toBe("juillet");
    expect(FRENCH_WEEKDAYS[new Date(Date.UTC(2024, 6, 14)).getUTCDay()]).toBe("dimanche");
  });
});
