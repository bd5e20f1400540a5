/**
 * The review's case, measured with the real client: "Vérifier" (check and annotate) on a register
 * of 10 000 rows (2 000 conventions and their 8 000 comités), through the gateway on Microsoft's
 * Excel web client and the protocol backend. Prints every request's real size next to the
 * gateway's estimate; checks that the backend left the workbook exactly as the fake host does.
 * (Kept apart from realClient.test.ts: it needs the register's generator and actions, more of src/.)
 */
import { ExcelRunner, MAX_RESPONSE_BYTES, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { checkAndAnnotate } from "../../src/actions/registerActions";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { d } from "../helpers/dates";
import { largeRegister, registerGrids } from "../helpers/largeRegister";
import { bytesByAction, formatReport, formatShares, measuredGateway } from "./measure";
import { EXCEL_WEB_PAYLOAD_LIMIT, createRealExcel } from "./realExcel";

test("Vérifier on 10 000 rows: the real client's requests next to the gateway's estimates, the same workbook as on the fake", async () => {
  const asOf = d("2026-11-29");
  const grids = registerGrids(largeRegister(2_000, asOf));
  const host = new FakeExcelHost(grids);
  const real = createRealExcel(host);
  const measured = measuredGateway(real, { responseLimitBytes: MAX_RESPONSE_BYTES });

  const { result, report } = await measured.action("Vérifier, 10 000 rows, Excel on the web", (gateway) => checkAndAnnotate(gateway, asOf));
  console.log(formatReport(report));
  const over = report.requests.filter((r) => r.bodyBytes > EXCEL_WEB_PAYLOAD_LIMIT);
  console.log(
    `requests above Excel on the web's 5 MB (${EXCEL_WEB_PAYLOAD_LIMIT} bytes): ${over.map((r) => `#${r.index} (${r.bodyBytes} bytes; posted ${r.messageBytes ?? "-"})`).join(", ") || "none"}`,
  );
  const largest = report.requests.reduce((a, b) => (b.bodyBytes > a.bodyBytes ? b : a));
  console.log(`where the ${largest.bodyBytes} bytes of request #${largest.index} go (an action and the object paths it first needed):\n${formatShares(bytesByAction(largest), largest.bodyBytes)}`);
  console.log("missing in the fake:", real.backend.missing);
  expect(result.ok).toBe(true);

  const expected = new FakeExcelHost(grids);
  await checkAndAnnotate(new OfficeWorkbook(expected.run as unknown as ExcelRunner, { responseLimitBytes: MAX_RESPONSE_BYTES }), asOf);
  expect(host.sheets).toEqual(expected.sheets);
  expect(real.backend.missing.filter((m) => !m.emulated)).toEqual([]);
});
