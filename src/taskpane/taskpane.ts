/**
 * Task pane entry: five tabs, "Registre" (adopt or set up the register, check it, see what is
 * late, export the deadlines), "Rapports" (the annual and comité reports, new sheets), "Importer"
 * (a deliberation's text into a register row), "Fonctions" (the help of the custom functions) and
 * "Diagnostic" (what this Excel offers and does, for the support; loaded on demand). The page also works outside Office (a
 * browser, a check of the built site): Office.js is then absent and only the help works.
 * The Rapports and Importer tabs are loaded the first time they are shown (lazyPanel.ts): their
 * code is not in the opening bundle (README, "Performances").
 */
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { missingRequirementSets } from "../excel/requirements";
import { PANE, oldExcelMessage } from "../i18n/pane.fr";
import { today } from "../runtime/today";
import { custom, el } from "./dom";
import { actionPanel } from "./actionPanel";
import { copyText } from "./copyText";
import { useFluentTheme } from "./fluent";
import { mountFunctionHelp } from "./helpView";
import { lazyPanel } from "./lazyPanel";
import { mountRegisterPane } from "./registerView";
import { fileDownloadWorks } from "./register/exportPanel";

/** Where the pane says whether it runs inside Excel. */
function showHostState(doc: Document, message: string): void {
  const host = doc.getElementById("hote");
  if (host !== null) host.textContent = message;
}

/**
 * The tabs: the active one's panel is shown, the others hidden (Fluent's tablist only marks the
 * tab); `onShow` says when a tab is shown (the reports tab looks at the workbook again).
 */
function wireTabs(doc: Document, onShow: Map<string, () => void>): void {
  const tablist = doc.getElementById("onglets");
  if (tablist === null) return;
  const show = (tabId: string): void => {
    for (const tab of tablist.querySelectorAll("fluent-tab")) {
      const panel = doc.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel !== null) panel.hidden = tab.id !== tabId;
    }
    onShow.get(tabId)?.();
  };
  tablist.addEventListener("change", () => show((tablist as HTMLElement & { activeid?: string }).activeid ?? "onglet-registre"));
}

/** The Diagnostic tab, loaded the first time it is shown (lazyPanel); it gets the pane's panel and DOM helpers rather than its own copies. */
function wireDiagnostic(container: HTMLElement, onShow: Map<string, () => void>): void {
  const open = lazyPanel(container, async () =>
    (await import(/* webpackChunkName: "diagnostic" */ "./diagnosticView")).mountDiagnosticPane(container, {
      run: (batch) => Excel.run(batch),
      today,
      now: () => performance.now(),
      ui: { panel: actionPanel(container, "diagnostic"), copyText, el, custom },
    }),
  );
  onShow.set("onglet-diagnostic", () => void open());
  if (container.closest("[hidden]") === null) void open();
}

export function startTaskpane(doc: Document): void {
  useFluentTheme();
  const onShow = new Map<string, () => void>();
  wireTabs(doc, onShow);
  const help = doc.getElementById("aide-fonctions");
  if (help !== null) mountFunctionHelp(help);
  const register = doc.getElementById("registre");
  const reports = doc.getElementById("rapports");
  const importer = doc.getElementById("importer");
  const diagnostic = doc.getElementById("diagnostic");

  const outside = (message: string): void => {
    showHostState(doc, message);
    for (const panel of [register, reports, importer, diagnostic]) panel?.replaceChildren(el(doc, "p", { text: PANE.outsideExcel }));
  };
  if (typeof Office === "undefined") {
    outside("Ouvert hors d'Excel : cette page n'est que l'aide. Les fonctions CONV s'utilisent dans un classeur Excel où le complément est installé.");
    return;
  }
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      outside("Complément chargé hors d'Excel : les fonctions CONV ne sont disponibles que dans Excel.");
      return;
    }
    if (diagnostic !== null) wireDiagnostic(diagnostic, onShow);
    const missing = missingRequirementSets() ?? [];
    if (missing.length > 0) {
      // An Excel too old for the register: its actions would fail half-way; said once, in French.
      const message = oldExcelMessage(missing);
      showHostState(doc, PANE.oldExcelState);
      register?.replaceChildren(custom(doc, "fluent-message-bar", { id: "excel-trop-ancien", attributes: { intent: "warning", layout: "multiline" } }, [message]));
      for (const panel of [reports, importer]) panel?.replaceChildren(el(doc, "p", { text: message }));
      return;
    }
    showHostState(doc, "Complément chargé dans Excel : tapez =CONV. dans une cellule.");
    const gateway = new OfficeWorkbook();
    if (register !== null) mountRegisterPane(register, { gateway, today, downloads: fileDownloadWorks(String(Office.context.platform)) });
    if (reports !== null) {
      const open = lazyPanel(reports, async () => (await import(/* webpackChunkName: "rapports" */ "./reportsView")).mountReportsPane(reports, { gateway, today }));
      const refresh = async (): Promise<void> => (await open())?.refresh();
      onShow.set("onglet-rapports", () => void refresh());
      // The tab was opened before Office was ready: it looks now.
      if (reports.closest("[hidden]") === null) void refresh();
    }
    if (importer !== null) {
      const open = lazyPanel(importer, async () => (await import(/* webpackChunkName: "importer" */ "./importView")).mountImportPane(importer, { gateway }));
      onShow.set("onglet-importer", () => void open());
      if (importer.closest("[hidden]") === null) void open();
    }
  });
}

startTaskpane(document);
