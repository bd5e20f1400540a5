/**
 * Task pane entry. The pane is made of sections; for now the help of the custom functions
 * ("Fonctions du registre"). The register tools of later issues mount their own section here.
 * The page also works outside Office (a browser, a check of the built site): Office.js is then
 * absent and only the help is shown.
 */
import { mountFunctionHelp } from "./helpView";

/** Where the pane says whether it runs inside Excel. */
function showHostState(doc: Document, message: string): void {
  const host = doc.getElementById("hote");
  if (host !== null) host.textContent = message;
}

export function startTaskpane(doc: Document): void {
  const help = doc.getElementById("aide-fonctions");
  if (help !== null) mountFunctionHelp(help);

  if (typeof Office === "undefined") {
    showHostState(doc, "Ouvert hors d'Excel : cette page n'est que l'aide. Les fonctions CONV s'utilisent dans un classeur Excel où le complément est installé.");
    return;
  }
  void Office.onReady((info) => {
    showHostState(
      doc,
      info.host === Office.HostType.Excel
        ? "Complément chargé dans Excel : tapez =CONV. dans une cellule."
        : "Complément chargé hors d'Excel : les fonctions CONV ne sont disponibles que dans Excel.",
    );
  });
}

startTaskpane(document);
