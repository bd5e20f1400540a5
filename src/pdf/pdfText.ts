/**
 * The text layer of a PDF, page by page, read with pdf.js (pdfjs-dist): no OCR, so a scanned PDF
 * (pages that are images) gives `no_text_layer`. Every outcome is data, never a thrown error, and
 * nothing here is worded for a person: the CLI and the pane phrase each kind in French.
 *
 * pdf.js is passed in (`options.pdfjs`), not imported: the CLI loads it with loadPdfjsForNode()
 * (no worker: pdf.js runs its "fake worker" in the same thread), the pane with
 * loadPdfjsForBrowser() (a lazy webpack chunk and a worker served from the add-in's origin).
 *
 * What pdf.js is asked for is text only: no eval (isEvalSupported: false), no WebAssembly, no font
 * loaded in the page (disableFontFace), no system font, no network (the bytes are given; no cMap,
 * standard-font or wasm address, so nothing is fetched), no XFA, no scripting.
 *
 * Bounded: a file over `maxBytes` and a document over `maxPages` are refused before any page is
 * read; the text is read as a stream and given up past `maxCharacters` or `timeLimitMs`.
 */
import { PdfTextItem, pageText } from "./pdfLines";
import { PDF_TEXT_DEFAULTS, looksLikePdf } from "./pdfLimits";

/** The parameters of pdf.js's getDocument this module sets (a subset of DocumentInitParameters). */
export interface PdfjsDocumentParameters {
  readonly data: Uint8Array;
  readonly isEvalSupported: boolean;
  readonly useWasm: boolean;
  readonly disableFontFace: boolean;
  readonly useSystemFonts: boolean;
  readonly fontExtraProperties: boolean;
  readonly isOffscreenCanvasSupported: boolean;
  readonly isImageDecoderSupported: boolean;
  readonly enableXfa: boolean;
  readonly disableAutoFetch: boolean;
  readonly disableStream: boolean;
  readonly disableRange: boolean;
  readonly stopAtErrors: boolean;
  readonly verbosity: number;
}

/** A chunk of a page's text stream: pdf.js TextItem and TextMarkedContent objects. */
export interface PdfjsTextChunk {
  readonly items: readonly (PdfTextItem | { readonly type: string })[];
}

interface PdfjsReadResult {
  readonly done: boolean;
  readonly value?: PdfjsTextChunk;
}

export interface PdfjsPage {
  streamTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): {
    getReader(): { read(): Promise<PdfjsReadResult> };
  };
  cleanup(): boolean;
}

export interface PdfjsDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfjsPage>;
}

export interface PdfjsLoadingTask {
  readonly promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
}

/** What this module uses of the pdfjs-dist module (the real module is checked against it where it is loaded). */
export interface PdfjsLike {
  readonly version: string;
  getDocument(parameters: PdfjsDocumentParameters): PdfjsLoadingTask;
}

export interface PdfTextOptions {
  readonly pdfjs: PdfjsLike;
  /** Largest file read, in bytes (default 20 MiB). */
  readonly maxBytes?: number;
  /** Largest number of pages read (default 200); a longer document is refused whole. */
  readonly maxPages?: number;
  /** Most characters read over all pages (default 2,000,000, a thousand full pages). */
  readonly maxCharacters?: number;
  /** Time allowed to open and read the document, in milliseconds (default 30 s). */
  readonly timeLimitMs?: number;
  /** The clock, in milliseconds (tests). */
  readonly now?: () => number;
}

export type PdfLimit = "bytes" | "pages" | "characters" | "time";

export type PdfTextResult =
  /** `pages[i]` is page i + 1's text ("" when it has none); `pagesWithoutText` lists those pages (1-based). */
  | { readonly kind: "text"; readonly pages: readonly string[]; readonly pagesWithoutText: readonly number[] }
  /** Not one character on any page: a scan, or text drawn as shapes. */
  | { readonly kind: "no_text_layer"; readonly pageCount: number }
  /** The file needs a password to be opened. */
  | { readonly kind: "encrypted" }
  /** No "%PDF-" header in the first kilobyte. */
  | { readonly kind: "not_pdf" }
  /** pdf.js could not read it: `detail` is pdf.js's message, for a log, not for the user. */
  | { readonly kind: "damaged"; readonly detail: string }
  /** Refused or given up: `actual` is what was found, when known (bytes, pages, characters read, milliseconds spent). */
  | { readonly kind: "over_limit"; readonly limit: PdfLimit; readonly max: number; readonly actual: number };

/** Why a PDF gave no text: every result but `text`, which the CLI and the pane phrase in French (src/i18n/pdf.fr.ts). */
export type PdfProblem = Exclude<PdfTextResult, { readonly kind: "text" }>;

export { PDF_TEXT_DEFAULTS, looksLikePdf } from "./pdfLimits";

function isTextItem(item: PdfTextItem | { readonly type: string }): item is PdfTextItem {
  return "str" in item;
}

/** pdf.js's exceptions by name (`instanceof` fails when pdf.js lives in another realm, as under Jest). */
function errorName(error: unknown): string {
  return typeof error === "object" && error !== null && "name" in error && typeof error.name === "string" ? error.name : "";
}

function errorDetail(error: unknown): string {
  const name = errorName(error);
  const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return name === "" ? message : `${name}: ${message}`;
}

class OverLimit {
  constructor(
    readonly limit: PdfLimit,
    readonly max: number,
    readonly actual: number,
  ) {}
}

/**
 * Reads the text of each page of a PDF, in reading order, lines rebuilt from the text items.
 * @example
 *   const result = await pdfText(bytes, { pdfjs: loadPdfjsForNode() });
 *   if (result.kind === "text") extractDeliberation(joinPages(result.pages));
 */
export async function pdfText(bytes: Uint8Array, options: PdfTextOptions): Promise<PdfTextResult> {
  const maxBytes = options.maxBytes ?? PDF_TEXT_DEFAULTS.maxBytes;
  const maxPages = options.maxPages ?? PDF_TEXT_DEFAULTS.maxPages;
  const maxCharacters = options.maxCharacters ?? PDF_TEXT_DEFAULTS.maxCharacters;
  const timeLimitMs = options.timeLimitMs ?? PDF_TEXT_DEFAULTS.timeLimitMs;
  const now = options.now ?? (() => Date.now());

  if (bytes.byteLength > maxBytes) return { kind: "over_limit", limit: "bytes", max: maxBytes, actual: bytes.byteLength };
  if (!looksLikePdf(bytes)) return { kind: "not_pdf" };

  const started = now();
  const elapsed = (): number => now() - started;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Settles when the time is up: every wait on pdf.js races it, so a document that stalls
  // between two steps is given up (in Node, a step that never yields cannot be: tests/pdf/README.md).
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OverLimit("time", timeLimitMs, timeLimitMs)), timeLimitMs);
  });
  timeUp.catch(() => undefined);
  const bounded = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, timeUp]);
  const checkTime = (): void => {
    if (elapsed() > timeLimitMs) throw new OverLimit("time", timeLimitMs, elapsed());
  };

  let task: PdfjsLoadingTask | null = null;
  try {
    // pdf.js may detach the buffer it is given (it transfers it to its worker): it gets a copy,
    // a plain Uint8Array (pdf.js refuses a Node Buffer, what fs.readFile gives, as damaged input).
    task = options.pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useWasm: false,
      disableFontFace: true,
      useSystemFonts: false,
      fontExtraProperties: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      enableXfa: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      stopAtErrors: false,
      verbosity: 0,
    });
    const pdf = await bounded(task.promise);
    if (pdf.numPages > maxPages) return { kind: "over_limit", limit: "pages", max: maxPages, actual: pdf.numPages };
    const pages: string[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      checkTime();
      const page = await bounded(pdf.getPage(number));
      // Read as a stream, to stop within a page. Not cancelled when given up: pdf.js 5.6 then
      // enqueues into the closed stream, an unhandled rejection; destroying the task ends it.
      const reader = page.streamTextContent({ includeMarkedContent: false, disableNormalization: false }).getReader();
      const items: PdfTextItem[] = [];
      for (;;) {
        const chunk = await bounded(reader.read());
        if (chunk.done || chunk.value === undefined) break;
        for (const item of chunk.value.items) {
          if (!isTextItem(item)) continue;
          items.push(item);
          characters += item.str.length;
        }
        if (characters > maxCharacters) throw new OverLimit("characters", maxCharacters, characters);
        checkTime();
      }
      pages.push(pageText(items));
      page.cleanup();
    }
    const pagesWithoutText = pages.flatMap((text, i) => (text.trim() === "" ? [i + 1] : []));
    if (pagesWithoutText.length === pages.length) return { kind: "no_text_layer", pageCount: pages.length };
    return { kind: "text", pages, pagesWithoutText };
  } catch (error) {
    if (error instanceof OverLimit) return { kind: "over_limit", limit: error.limit, max: error.max, actual: error.limit === "time" ? elapsed() : error.actual };
    const name = errorName(error);
    if (name === "PasswordException") return { kind: "encrypted" };
    return { kind: "damaged", detail: errorDetail(error) };
  } finally {
    clearTimeout(timer);
    // Frees the document; with a worker, terminates it (the pane's time-box).
    await task?.destroy().catch(() => undefined);
  }
}

/**
 * The pages as one text for the extraction: a page that ends a sentence (. : ; ! ? » or a closing
 * parenthesis) ends its paragraph (a blank line), any other runs on to the next page's first line
 * (a paragraph cut by the page break stays one paragraph). Pages without text are left out.
 * @example joinPages(["Il est décidé :", "d'approuver la convention de", "partenariat."]) // "Il est décidé :\n\nd'approuver la convention de\npartenariat."
 */
export function joinPages(pages: readonly string[]): string {
  let text = "";
  for (const page of pages.map((p) => p.trim()).filter((p) => p !== "")) {
    if (text !== "") text += /[.:;!?»)]$/.test(text) ? "\n\n" : "\n";
    text += page;
  }
  return text;
}
