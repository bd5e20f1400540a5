/**
 * The only way the pane reaches pdf.js: a dynamic import() that webpack makes a chunk of its own
 * (pdfjs.js: ./pdfTextBrowser.ts, ./pdfText.ts, ./pdfLines.ts and pdf.js), fetched from the
 * add-in's origin the first time a PDF is chosen. Importing this file costs the opening bundle
 * only webpack's chunk loader (about 2 KiB, in functions.js, which holds the runtime).
 */
export type BrowserPdfText = typeof import("./pdfTextBrowser");

let loading: Promise<BrowserPdfText> | null = null;

/**
 * Loads the PDF reader once; a failed download (offline, a new deployment under way) is tried
 * again at the next call.
 * @example const { pdfTextInBrowser, joinPages } = await loadPdfTextForBrowser();
 */
export function loadPdfTextForBrowser(): Promise<BrowserPdfText> {
  loading ??= import(/* webpackChunkName: "pdfjs" */ "./pdfTextBrowser").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
