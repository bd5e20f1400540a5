/**
 * Task pane entry: three tabs, "Registre" (adopt or set up the register, check it, see what is
 * late, export the deadlines), "Importer" (a deliberation's text into a register row) and
 * "Fonctions" (the help of the custom functions). The page also works outside Office (a
 * browser, a check of the built site): Office.js is then absent and only the help works.
 */
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { PANE } from "../i18n/pane.fr";
import { today } from "../runtime/today";
import { el } from "./dom";
import { useFluentTheme } from "./fluent";
import { mountFunctionHelp } from "./helpView";
import { mountImportPane } from "./importView";
import { mountRegisterPane } from "./registerView";

/** Where the pane says whether it runs inside Excel. */
function showHostState(doc: Document, message: string): void {
  const host = doc.getElementById("hote");
  if (host !== null) host.textContent = message;
}

/** The tabs: the active one's panel is shown, the others hidden (Fluent's tablist only marks the tab). */
function wireTabs(doc: Document): void {
  const tablist = doc.getElementById("onglets");
  if (tablist === null) return;
  const show = (tabId: string): void => {
    for (const tab of tablist.querySelectorAll("fluent-tab")) {
      const panel = doc.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel !== null) panel.hidden = tab.id !== tabId;
    }
  };
  tablist.addEventListener("change", () => show((tablist as HTMLElement & { activeid?: string }).activeid ?? "onglet-registre"));
}

export function startTaskpane(doc: Document): void {
  useFluentTheme();
  wireTabs(doc);
  const help = doc.getElementById("aide-fonctions");
  if (help !== null) mountFunctionHelp(help);
  const register = doc.getElementById("registre");
  const importer = doc.getElementById("importer");

  const outside = (message: string): void => {
    showHostState(doc, message);
    register?.replaceChildren(el(doc, "p", { text: PANE.outsideExcel }));
    importer?.replaceChildren(el(doc, "p", { text: PANE.outsideExcel }));
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
    showHostState(doc, "Complément chargé dans Excel : tapez =CONV. dans une cellule.");
    const gateway = new OfficeWorkbook();
    if (register !== null) mountRegisterPane(register, { gateway, today });
    if (importer !== null) mountImportPane(importer, { gateway });
  });
}

startTaskpane(document);
