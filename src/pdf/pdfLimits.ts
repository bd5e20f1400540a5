/**
 * The bounds of pdfText (./pdfText.ts) when its caller sets none. A file of their own so that the
 * pane checks a file's size before reading it without bringing the PDF code into its tab's chunk.
 */
export const PDF_TEXT_DEFAULTS = {
  /** 20 Mio: a deliberation's PDF is rarely above 2. */
  maxBytes: 20 * 1024 * 1024,
  maxPages: 200,
  /** A thousand full pages. */
  maxCharacters: 2_000_000,
  timeLimitMs: 30_000,
} as const;
