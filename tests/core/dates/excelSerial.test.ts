import { dateToSerial, serialToDate } from "../../../src/core/dates/excelSerial";
import { d, iso } from "../../helpers/dates";

function dateOf(serial: number): string {
  const r = serialToDate(serial);
  if (!r.ok) throw new Error(r.error.code);
  return iso(r.value);
}
function serialOf(date: string): number {
  const r = dateToSerial(d(date));
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe("Excel serial dates (1900 system)", () => {
  it("matches the worked example of DOMAIN.md: 45485 = 2024-07-12", () => {
    expect(dateOf(45485)).toBe("2024-07-12");
    expect(serialOf("2024-07-12")).toBe(45485);
  });

  it("handles the 1900 leap-year bug once", () => {
    expect(dateOf(1)).toBe("1900-01-01");
    expect(dateOf(59)).toBe("1900-02-28");
    expect(dateOf(61)).toBe("1900-03-01");
    expect(serialOf("1900-01-01")).toBe(1);
    expect(serialOf("1900-02-28")).toBe(59);
    expect(serialOf("1900-03-01")).toBe(61);
    const phantom = serialToDate(60);
    expect(phantom.ok).toBe(false);
    if (!phantom.ok) expect(phantom.error.code).toBe("phantom_excel_date");
  });

  it("knows well-known serials", () => {
    expect(serialOf("1970-01-01")).toBe(25569);
    expect(serialOf("2000-01-01")).toBe(36526);
    expect(serialOf("9999-12-31")).toBe(2958465);
  });

  it("drops the time of day", () => {
    expect(dateOf(45485.99)).toBe("2024-07-12");
  });

  it("round-trips every serial", () => {
    const wrong: number[] = [];
    for (let serial = 1; serial <= 80000; serial += 1) {
      if (serial === 60) continue;
      const date = serialToDate(serial);
      const back = date.ok ? dateToSerial(date.value) : date;
      if (!back.ok || back.value !== serial) wrong.push(serial);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses what Excel cannot show", () => {
    for (const bad of [0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(serialToDate(bad).ok).toBe(false);
    }
    expect(dateToSerial(d("1899-12-31"))).toMatchObject({ ok: false, error: { code: "date_out_of_range" } });
    expect(dateToSerial(d("1789-07-14"))).toMatchObject({ ok: false, error: { code: "date_out_of_range" } });
    expect(dateToSerial(d("10000-01-01"))).toMatchObject({ ok: false, error: { code: "date_out_of_range" } });
  });
});
