/**
 * The "Importer" tab's PDF input: a zone where a deliberation's PDF is dropped, a button that
 * opens the file chooser, and the reading of the PDF's text layer in the page (no network: the
 * file's bytes are read by the browser). pdf.js is loaded the first time a PDF is given
 * (../pdf/loadPdfTextBrowser.ts: a webpack chunk, pdfjs.js, and its worker, pdf.worker.js, both
 * from the add-in's origin, which the page's CSP allows). Why a PDF gives no text (a scan: no OCR;
 * a password; a damaged file; over the limits) is said in French, the pasted text left as it is.
 */
import { pdfProblemMessage, pdfReadSummary } from "../i18n/pdf.fr";
import { IMPORT } from "../i18n/pane.fr";
import { loadPdfTextForBrowser } from "../pdf/loadPdfTextBrowser";
import { PDF_SIGNATURE_WINDOW, PDF_TEXT_DEFAULTS, looksLikePdf } from "../pdf/pdfLimits";
import type { PdfProblem } from "../pdf/pdfText";
import { ActionPanel } from "./actionPanel";
import { el } from "./dom";

export interface PdfInputOptions {
  readonly panel: ActionPanel;
  /** Where a file may be dropped (the whole tab): a PDF dropped anywhere there is read, never opened by the browser. */
  readonly dropTarget: HTMLElement;
  /** Takes the PDF's text: the tab puts it in place of the pasted text and reads it. */
  readonly onText: (text: string) => Promise<void>;
}

type PdfRead = { readonly text: string; readonly summary: string } | { readonly problem: PdfProblem } | { readonly notLoaded: true };

/** The text layer of a File, or why there is none. */
async function readPdfFile(file: File): Promise<PdfRead> {
  // A file over the limit is refused before its bytes are read into the page, one that is no PDF before pdf.js is loaded.
  if (file.size > PDF_TEXT_DEFAULTS.maxBytes) return { problem: { kind: "over_limit", limit: "bytes", max: PDF_TEXT_DEFAULTS.maxBytes, actual: file.size } };
  if (!looksLikePdf(new Uint8Array(await file.slice(0, PDF_SIGNATURE_WINDOW).arrayBuffer()))) return { problem: { kind: "not_pdf" } };
  let reader: Awaited<ReturnType<typeof loadPdfTextForBrowser>>;
  try {
    reader = await loadPdfTextForBrowser();
  } catch (error) {
    // webpack's message ("Loading chunk pdfjs failed", in English) is for the console only.
    console.error(error);
    return { notLoaded: true };
  }
  const result = await reader.pdfTextInBrowser(new Uint8Array(await file.arrayBuffer()));
  if (result.kind !== "text") return { problem: result };
  return { text: reader.joinPages(result.pages), summary: pdfReadSummary(result.pages.length, result.pagesWithoutText) };
}

/**
 * The drop zone and its "Choisir un PDF…" button, wired.
 * @example body.append(pdfInput(doc, { panel, dropTarget: container, onText: async (text) => { textarea.value = text; await analyse(); } }));
 */
export function pdfInput(doc: Document, options: PdfInputOptions): HTMLElement {
  const { panel } = options;
  const chooser = el(doc, "input", { id: "import-pdf", attributes: { type: "file", accept: ".pdf,application/pdf", hidden: "" } });
  const zone = el(doc, "div", { className: "drop-zone", id: "import-pdf-zone" }, [
    el(doc, "p", { className: "drop-hint", text: IMPORT.dropHint }),
    panel.button(IMPORT.choosePdf, "secondary", () => chooser.click(), "choisir-pdf"),
    chooser,
    el(doc, "p", { className: "muted", text: IMPORT.pdfTextOnly }),
  ]);

  const read = (file: File): Promise<void> =>
    panel.busy(IMPORT.readingPdf(file.name), async () => {
      const outcome = await readPdfFile(file);
      if ("notLoaded" in outcome) return panel.showError(IMPORT.pdfReaderNotLoaded);
      if ("problem" in outcome) return panel.showError(`${IMPORT.pdfNotRead(file.name)} ${pdfProblemMessage(outcome.problem)}`);
      await options.onText(outcome.text);
      return outcome.summary;
    });

  chooser.addEventListener("change", () => {
    const file = chooser.files?.[0];
    // The same file chosen twice in a row is read twice (a change event needs a new value).
    chooser.value = "";
    if (file !== undefined) void read(file);
  });
  const { dropTarget } = options;
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes("Files") === true;
  dropTarget.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = "copy";
    zone.classList.add("is-over");
  });
  dropTarget.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null || !dropTarget.contains(event.relatedTarget as Node)) zone.classList.remove("is-over");
  });
  dropTarget.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    zone.classList.remove("is-over");
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void read(file);
  });
  return zone;
}
