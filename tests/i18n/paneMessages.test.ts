import { GatewayError, GatewayErrorCode } from "../../src/excel/gateway";
import { gatewayErrorMessage, unexpectedPaneError } from "../../src/i18n/pane.fr";

describe("the pane's messages for Excel's refusals", () => {
  test("each refusal says what happened and what to do, in French", () => {
    const codes: GatewayErrorCode[] = ["sheet_protected", "sheet_missing", "busy", "refused"];
    for (const code of codes) expect(gatewayErrorMessage(new GatewayError(code, "Suivi", "InvalidArgument"))).toMatch(/[.]$/);
    expect(gatewayErrorMessage(new GatewayError("sheet_protected", "Suivi"))).toBe(
      "La feuille « Suivi » est protégée : le complément n'y écrit pas. Ôtez la protection (Révision › Ôter la protection de la feuille), puis recommencez. Rien n'a été modifié.",
    );
    expect(gatewayErrorMessage(new GatewayError("refused", undefined, "RichApi.Error"))).toContain("(RichApi.Error)");
    expect(unexpectedPaneError("x is undefined")).toContain("x is undefined");
  });
});
