/**
 * Dates shown as dates: every function that returns a date gives, on an Excel with data types,
 * the serial with its format — a DoubleCellValue from ExcelApi 1.19, a FormattedNumberCellValue on
 * ExcelApi 1.16 to 1.18, each built as the Excel JavaScript reference documents it
 * ({ type, basicValue, numberFormat }) — and the plain serial on an older Excel. The host is
 * chosen once, at start-up (Office.onReady), from Office.context.requirements; a date passed in
 * as such a value is read as its serial. Expected serials are written by hand (serial()).
 */
import {
  appealDeadline,
  daysLeft,
  endDate,
  enforceableDate,
  holidays,
  missingCommittees,
  nextCommitteeDue,
  nextOccurrence,
  nextWorkingDay,
  semester,
  status,
} from "../../src/functions/functions";
import { DATE_NUMBER_FORMAT, chooseDateCells } from "../../src/functions/excelResult";
import { NUMBER_FORMATS } from "../../src/plans/sheetDraft";
import { column, excelHost, expectNotAvailable, expectValueError, serial } from "./excelCall";

/** Each date function, called on the TEAM² examples of the README, and the day it gives. */
const DATE_FUNCTIONS: readonly (readonly [string, () => unknown, string])[] = [
  ["END_DATE", () => endDate("15/07/2024", "3 ans"), "2027-07-14"],
  ["APPEAL_DEADLINE", () => appealDeadline("12/07/2024"), "2024-09-13"],
  ["ENFORCEABLE_DATE", () => enforceableDate("11/07/2024", "12/07/2024"), "2024-07-12"],
  ["NEXT_WORKING_DAY", () => nextWorkingDay("14/07/2024"), "2024-07-15"],
  ["NEXT_COMMITTEE_DUE", () => nextCommitteeDue("15/07/2024", "14/07/2027", column(serial("2024-12-10"), null, serial("2025-11-25")), "01/03/2026"), "2026-06-30"],
  ["NEXT_OCCURRENCE", () => nextOccurrence("15/10/2024", 3, "01/03/2026"), "2026-04-15"],
  ["HOLIDAYS (first cell)", () => holidays(2024)[0][0], "2024-01-01"],
];

afterEach(() => {
  chooseDateCells(undefined);
});

describe("the number format of a returned date", () => {
  it("is dd/mm/yyyy, Excel's invariant (en-US) code that a French Excel lists as JJ/MM/AAAA, the add-in's date format everywhere", () => {
    expect(DATE_NUMBER_FORMAT).toBe("dd/mm/yyyy");
    expect(DATE_NUMBER_FORMAT).toBe(NUMBER_FORMATS.date);
  });
});

describe("on an Excel with ExcelApi 1.19: a double value with its number format", () => {
  beforeEach(() => {
    expect(chooseDateCells(excelHost("1.19"))).toBe("double");
  });

  it.each(DATE_FUNCTIONS)("%s gives { type: \"Double\", basicValue: serial, numberFormat: \"dd/mm/yyyy\" }", (_name, call, day) => {
    expect(call()).toEqual({ type: "Double", basicValue: serial(day), numberFormat: "dd/mm/yyyy" });
  });

  it("HOLIDAYS gives a column of such values, in date order", () => {
    const cells = holidays(2024);
    expect(cells).toHaveLength(11);
    for (const [cell] of cells) expect(cell).toEqual({ type: "Double", basicValue: expect.any(Number), numberFormat: "dd/mm/yyyy" });
    const days = cells.map(([cell]) => (cell as Excel.DoubleCellValue).basicValue);
    expect(days[6]).toBe(serial("2024-07-14"));
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it("leaves the functions that return no date as they were: text, and a number of days", () => {
    expect(semester("12/07/2024")).toBe("2024-S2");
    expect(status("15/07/2024", "14/07/2027", "01/03/2027")).toBe("À renouveler");
    expect(missingCommittees("15/07/2024", "14/07/2027", column(serial("2024-12-10"), serial("2025-11-25")), "01/03/2026")).toBe("2025-S1");
    expect(daysLeft("13/09/2024", "12/07/2024")).toBe(63);
  });

  it("still gives the Excel errors: #N/A for a missing date, #VALUE! with a French message for a bad one", () => {
    expectNotAvailable(() => enforceableDate("11/07/2024", null));
    expectValueError(() => endDate("31/02/2024", "3 ans"), "31/02/2024");
    expectValueError(() => endDate("01/01/9999", "2 ans"));
  });
});

describe("on an Excel with ExcelApi 1.16 to 1.18: a formatted number value", () => {
  it.each([["1.16"], ["1.18"]])("ExcelApi %s: every date function gives { type: \"FormattedNumber\", basicValue, numberFormat }", (version) => {
    expect(chooseDateCells(excelHost(version))).toBe("formattedNumber");
    for (const [, call, day] of DATE_FUNCTIONS) {
      expect(call()).toEqual({ type: "FormattedNumber", basicValue: serial(day), numberFormat: "dd/mm/yyyy" });
    }
  });
});

describe("on an Excel without data types, and outside Excel: the plain serial", () => {
  it.each([
    ["ExcelApi 1.15", excelHost("1.15")],
    ["ExcelApi 1.1 only", excelHost(null)],
    ["no requirement sets at all (outside Office)", undefined],
  ])("%s", (_host, requirements) => {
    expect(chooseDateCells(requirements)).toBe("serial");
    for (const [, call, day] of DATE_FUNCTIONS) expect(call()).toBe(serial(day));
  });
});

describe("a date passed in as a data-type value is read as its serial", () => {
  const asDouble = (iso: string): Excel.DoubleCellValue => ({ type: "Double", basicValue: serial(iso), numberFormat: "dd/mm/yyyy" });
  const asFormatted = (iso: string): Excel.FormattedNumberCellValue => ({ type: "FormattedNumber", basicValue: serial(iso), numberFormat: "dd/mm/yyyy" });

  it.each([
    ["a double value", asDouble],
    ["a formatted number value", asFormatted],
  ])("%s, in every kind of argument", (_kind, wrap) => {
    expect(endDate(wrap("2024-07-15"), "3 ans")).toBe(serial("2027-07-14"));
    expect(appealDeadline(wrap("2024-07-12"))).toBe(serial("2024-09-13"));
    expect(daysLeft(wrap("2024-09-13"), wrap("2024-07-12"))).toBe(63);
    expect(status(wrap("2024-07-15"), wrap("2027-07-14"), wrap("2027-03-01"))).toBe("À renouveler");
    // A range holding dates returned by other CONV functions (the comités' column).
    expect(missingCommittees(wrap("2024-07-15"), wrap("2027-07-14"), column(wrap("2024-12-10"), null, wrap("2025-11-25")), wrap("2026-03-01"))).toBe("2025-S1");
    // A number of months that is a formatted number ("3" shown as "3 mois"), and a year.
    expect(nextOccurrence(wrap("2024-10-15"), { type: "Double", basicValue: 3, numberFormat: '0" mois"' }, "01/03/2026")).toBe(serial("2026-04-15"));
    expect(holidays({ type: "Double", basicValue: 2024, numberFormat: "0" })[0][0]).toBe(serial("2024-01-01"));
  });

  it("a chain of functions on an Excel with data types: the end of a convention, then its status", () => {
    chooseDateCells(excelHost("1.19"));
    const end = endDate("15/07/2024", "3 ans");
    expect(status("15/07/2024", end, "01/03/2027")).toBe("À renouveler");
    expect(daysLeft(end, "14/07/2027")).toBe(0);
    expect(enforceableDate(end, end)).toEqual(end);
  });

  it("text and booleans given as data-type values are read as their text and boolean", () => {
    expect(endDate({ type: "String", basicValue: "15/07/2024" }, { type: "String", basicValue: "3 ans" })).toBe(serial("2027-07-14"));
    expectValueError(() => endDate({ type: "Boolean", basicValue: true }, "3 ans"));
  });

  it("a double value that is no date is refused as the bare number would be, quoting it", () => {
    expectValueError(() => endDate({ type: "Double", basicValue: -5, numberFormat: "dd/mm/yyyy" }, "3 ans"), "-5");
    expectValueError(() => endDate({ type: "Double", basicValue: 60 }, "3 ans"), "1900");
  });

  it("other data types (an entity, an error value, a value whose basicValue is of the wrong kind) are #VALUE!, never a guess", () => {
    expectValueError(() => endDate({ type: "Entity", text: "TEAM2", basicValue: "#VALUE!", basicType: "Error", properties: {} }, "3 ans"));
    expectValueError(() => endDate({ type: "Double", basicValue: "45488" }, "3 ans"));
    expectValueError(() => endDate({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, "3 ans"));
  });
});

describe("the host is chosen once, at start-up", () => {
  interface FakeOffice {
    onReady(callback: () => void): Promise<void>;
    context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
  }
  const scope = globalThis as unknown as { Office?: FakeOffice };

  afterEach(() => {
    delete scope.Office;
  });

  it("when Office is ready, from Office.context.requirements; never again per call", async () => {
    const host = excelHost("1.19");
    let asked = 0;
    let ready: () => void = () => undefined;
    scope.Office = {
      onReady: (callback) =>
        new Promise<void>((resolve) => {
          ready = () => {
            callback();
            resolve();
          };
        }),
      context: {
        requirements: {
          isSetSupported: (name, minVersion) => {
            asked += 1;
            return host.isSetSupported(name, minVersion);
          },
        },
      },
    };
    let fresh: typeof import("../../src/functions/functions") | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import("../../src/functions/functions")>("../../src/functions/functions");
    });
    if (fresh === undefined) throw new Error("functions not loaded");
    // Before Office is ready: plain serials, and nothing asked yet.
    expect(fresh.endDate("15/07/2024", "3 ans")).toBe(serial("2027-07-14"));
    expect(asked).toBe(0);
    ready();
    await Promise.resolve();
    const afterStartUp = asked;
    expect(afterStartUp).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) {
      expect(fresh.endDate("15/07/2024", "3 ans")).toEqual({ type: "Double", basicValue: serial("2027-07-14"), numberFormat: "dd/mm/yyyy" });
    }
    expect(asked).toBe(afterStartUp);
  });
});
