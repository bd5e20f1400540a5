/**
 * The deadlines' calendar once made, in a way that works on every Excel: a download link where
 * the host's web view downloads files, and everywhere the iCalendar text in a read-only field with
 * "Copier", to paste into a text file saved as echeances.ics. Excel for Mac shows the pane in a
 * WKWebView that ignores `<a download>` (nothing happens, no error: office-js #2700, "by design",
 * and #3385): there the link is not offered and the text is shown at once.
 */
import { EXPORT } from "../../i18n/pane.fr";
import { copyText } from "../copyText";
import { custom, el } from "../dom";

/**
 * Whether a download link works in the pane on this platform (Office.context.platform): not in
 * Excel for Mac (WKWebView; iPad's too, though the manifest's requirement sets keep the add-in
 * from it); elsewhere (Windows' WebView2, Excel on the web) it does.
 * @example fileDownloadWorks("Mac") // false
 */
export function fileDownloadWorks(platform: string | undefined): boolean {
  return platform !== "Mac" && platform !== "iOS";
}

export interface ExportPanelOptions {
  /** The link's address (a blob: URL of the file), or null where downloads do not work. */
  readonly downloadUrl: string | null;
}

/**
 * The panel's content: the link (when it works), then the text to copy, open at once when there is no link.
 * @example panel.replaceChildren(...exportPanel(document, ics, { downloadUrl: null }))
 */
export function exportPanel(doc: Document, ics: string, options: ExportPanelOptions): HTMLElement[] {
  const field = el(doc, "textarea", { id: "export-texte", className: "copy-text", attributes: { readonly: "", rows: "6", spellcheck: "false", "aria-label": EXPORT.textLabel } });
  field.value = ics;
  const status = el(doc, "p", { className: "copy-status", id: "export-copie", attributes: { role: "status" } });
  const copy = custom(doc, "fluent-button", { id: "copier-calendrier", text: EXPORT.copy, attributes: { appearance: "secondary" } });
  copy.addEventListener("click", () => {
    void copyText(field).then((outcome) => {
      status.textContent = outcome === "copied" ? EXPORT.copied : EXPORT.selected;
    });
  });
  const details = el(doc, "details", { className: "copy-panel" }, [
    el(doc, "summary", { text: options.downloadUrl === null ? EXPORT.copyTitleOnly : EXPORT.copyTitle }),
    el(doc, "p", { className: "note", text: options.downloadUrl === null ? EXPORT.noDownloadHelp : EXPORT.copyHelp }),
    field,
    el(doc, "div", { className: "actions" }, [copy]),
    status,
  ]);
  details.open = options.downloadUrl === null;
  const link = options.downloadUrl === null ? [] : [el(doc, "p", {}, [el(doc, "a", { text: EXPORT.download, attributes: { href: options.downloadUrl, download: EXPORT.fileName } })])];
  return [...link, details];
}
