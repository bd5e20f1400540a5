/**
 * pdfText in the task pane: this module and pdf.js make one webpack chunk (pdfjs.js), loaded the
 * first time a PDF is chosen, never at the pane's opening: the pane reaches it only through
 * loadPdfTextForBrowser() (./loadPdfTextBrowser.ts), a dynamic import(). The parser runs in
 * pdf.js's worker, a file of its own served from the add-in's origin (dist/pdf.worker.js, copied
 * from pdfjs-dist/legacy/build/pdf.worker.min.mjs: see tests/pdf/BROWSER.md); the page's
 * Content-Security-Policy allows it with worker-src 'self'.
 *
 * Why a worker rather than pdf.js's "fake worker" on the page's thread: a large or hostile PDF is
 * parsed away from the pane, which stays responsive, and destroying the loading task (pdfText's
 * time limit) terminates the worker even in the middle of a page; the bytes downloaded are the
 * same either way. Why the legacy build: Excel's web views are not all the newest Chromium
 * (WKWebView on a Mac follows the system's Safari), and the modern build relies on the newest
 * JavaScript APIs; the legacy build costs 57 KiB more.
 */
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { PdfTextOptions, PdfTextResult, PdfjsLike, pdfText } from "./pdfText";

/** The worker's file name in dist/, next to taskpane.html. */
export const PDFJS_WORKER_FILE = "pdf.worker.js";

export interface BrowserPdfTextOptions extends Omit<PdfTextOptions, "pdfjs"> {
  /**
   * The worker's address, of the pane's own origin (default: pdf.worker.js beside the page): pdf.js
   * wraps a worker of another origin in a blob: URL, which the policy refuses.
   */
  readonly workerUrl?: string;
}

/**
 * Reads the text of a PDF chosen or dropped in the pane.
 * @example const { pdfTextInBrowser } = await loadPdfTextForBrowser(); const result = await pdfTextInBrowser(new Uint8Array(await file.arrayBuffer()));
 */
export function pdfTextInBrowser(bytes: Uint8Array, options: BrowserPdfTextOptions = {}): Promise<PdfTextResult> {
  pdfjs.GlobalWorkerOptions.workerSrc = options.workerUrl ?? new URL(PDFJS_WORKER_FILE, document.baseURI).href;
  const lib: PdfjsLike = pdfjs;
  return pdfText(bytes, { ...options, pdfjs: lib });
}

export { joinPages } from "./pdfText";
