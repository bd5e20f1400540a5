/**
 * Every action of the pane, on registers of 100 and 10 000 rows, as Microsoft's real Excel client
 * serializes its requests: each request (body, and the message Excel on the web receives) under
 * 4.5 MB, a tenth under Excel on the web's 5 MB; at most three `context.sync` in each Excel.run.
 * The 50 000-row figures are the bench's (`npm run bench -- volet`).
 */
import { MAX_REQUEST_BYTES } from "../../src/excel/officeWorkbook";
import { d } from "../helpers/dates";
import { measurePaneActions } from "./paneActions";

const ASOF = d("2026-11-29");

describe.each([100, 10_000])("the pane's actions on %i rows, with the real client", (rows) => {
  test("every request under 4.5 MB, at most three syncs per Excel.run", async () => {
    const measured = await measurePaneActions(rows, ASOF);
    const lines = measured.map(({ action, requests, syncsPerRun }) => {
      const largest = Math.max(...requests.map((r) => r.bodyBytes));
      const posted = Math.max(...requests.map((r) => r.messageBytes ?? 0));
      return `${action}: ${requests.length} requests, largest ${largest} bytes (posted ${posted}), syncs per Excel.run ${syncsPerRun.join(" + ")}`;
    });
    console.log(`${rows} rows:\n  ${lines.join("\n  ")}`);
    expect(measured.map((m) => m.action)).toHaveLength(9);
    for (const { action, requests, syncsPerRun } of measured) {
      for (const request of requests) {
        expect([action, request.index, request.bodyBytes <= MAX_REQUEST_BYTES]).toEqual([action, request.index, true]);
        expect([action, request.index, (request.messageBytes ?? 0) <= MAX_REQUEST_BYTES]).toEqual([action, request.index, true]);
      }
      for (const syncs of syncsPerRun) expect([action, syncs <= 3]).toEqual([action, true]);
    }
  });
});
