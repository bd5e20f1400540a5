/**
 * "Copier" in a task pane, on every Office host. The field's text is selected and copied by the
 * browser's copy command first, inside the click (WKWebView, Excel for Mac's web view, allows it
 * only there); then by the asynchronous clipboard API, which Office on the web may refuse to its
 * frame ("blocked because of a permissions policy": office-js #1991, #3480). When both are refused,
 * the text stays selected in its field for the user's own Ctrl+C (⌘C): it is never lost.
 */

/** What happened: copied to the clipboard, or left selected for the user to copy. */
export type CopyOutcome = "copied" | "selected";

/**
 * Copies the text of a read-only field (call it from the click's handler, before any await).
 * @example button.addEventListener("click", () => void copyText(field).then(say))
 */
export function copyText(field: HTMLTextAreaElement): Promise<CopyOutcome> {
  const doc = field.ownerDocument;
  selectAll(field);
  let copied = false;
  try {
    copied = doc.execCommand("copy");
  } catch {
    // Refused by the host: the clipboard API is tried next.
  }
  if (copied) return Promise.resolve("copied");
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard === undefined || typeof clipboard.writeText !== "function") return Promise.resolve("selected");
  return clipboard.writeText(field.value).then(
    (): CopyOutcome => "copied",
    (): CopyOutcome => {
      selectAll(field);
      return "selected";
    },
  );
}

function selectAll(field: HTMLTextAreaElement): void {
  field.focus();
  field.setSelectionRange(0, field.value.length);
}
