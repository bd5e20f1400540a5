/**
 * What is checked of a file before pdf.js is loaded: the bounds of pdfText (./pdfText.ts) when
 * its caller sets none, and the PDF signature. A file of their own so that the pane refuses a
 * file too large or not a PDF without downloading pdf.js, and without bringing the PDF code into
 * its tab's chunk.
 */
export const PDF_TEXT_DEFAULTS = {
  /** 20 Mio: a deliberation's PDF is rarely above 2. */
  maxBytes: 20 * 1024 * 1024,
  maxPages: 200,
  /** A thousand full pages. */
  maxCharacters: 2_000_000,
  timeLimitMs: 30_000,
} as const;

/** How many bytes from the start the signature may be found at. */
export const PDF_SIGNATURE_WINDOW = 1024;

/** Whether the bytes start like a PDF: "%PDF-" within the first 1024 bytes (the specification lets junk come first). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, PDF_SIGNATURE_WINDOW);
  const signature = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
  for (let i = 0; i + signature.length <= head.length; i++) {
    if (signature.every((byte, j) => head[i + j] === byte)) return true;
  }
  return false;
}
