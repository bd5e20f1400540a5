/**
 * A register of 50 000 rows (10 000 conventions and their 40 000 comités) checked and annotated
 * through the Office.js gateway on the fake Excel host as Excel on the web behaves: every request
 * under the gateway's 4 MB, every response under the web's 5 MB, and every cell the user typed
 * equal afterwards.
 */
import { ALERTS_SHEET } from "../../src/plans/ownedSheets";
import { ExcelRunner, MAX_REQUEST_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { checkAndAnnotate } from "../../src/actions/registerActions";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";
import { largeRegister, registerGrids } from "../helpers/largeRegister";

const WEB_RESPONSE_LIMIT = 5_000_000;

test("50 000 rows checked and annotated on Excel on the web: requests and responses under the limits, the user's cells unchanged", async () => {
  const asOf = d("2026-11-29");
  const grids = registerGrids(largeRegister(10_000, asOf));
  expect(Object.values(grids).reduce((rows, grid) => rows + grid.length - 1, 0)).toBe(50_000);
  const host = new FakeExcelHost(grids);
  host.responseLimitBytes = WEB_RESPONSE_LIMIT;
  const before = Object.keys(grids).map((sheet) => host.values(sheet));
  const gateway = new OfficeWorkbook(host.run as unknown as ExcelRunner);

  const outcome = await checkAndAnnotate(gateway, asOf);
  expect(outcome.ok).toBe(true);

  expect(Math.max(...host.requests)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  expect(host.refusedResponses).toEqual([]);
  expect(Math.max(...host.responses)).toBeLessThanOrEqual(WEB_RESPONSE_LIMIT);
  expect(host.requests.length).toBeGreaterThan(3); // the alerts of 10 000 conventions do not fit in one request
  expect(host.sheet(ALERTS_SHEET)).toBeDefined();
  // Every cell the user had, compared once (an expect per cell would take longer than the check).
  const changed: string[] = [];
  Object.keys(grids).forEach((sheet, i) => {
    const after = host.values(sheet);
    before[i].forEach((row, r) => row.forEach((value, c) => JSON.stringify(after[r][c]) !== JSON.stringify(value) && changed.push(`${sheet}!${r},${c}`)));
  });
  expect(changed).toEqual([]);
});
