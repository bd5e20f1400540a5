/**
 * A page's text rebuilt from pdf.js text items: the items are kept in the order of the page's
 * content stream (the order a word processor or a browser wrote them, which is the reading order
 * for a single column and column by column for CSS columns), and cut into lines by their baseline
 * (transform[5]), with a space where two items on one line are apart (transform[4] against the
 * previous item's end) and a blank line where the gap between two lines is wider than the page's
 * usual line spacing (a new paragraph). pdf.js's `hasEOL` ends a line too.
 *
 * Pure and independent of pdf.js: it reads plain objects, so it is tested without a PDF.
 */

/** The part of a pdf.js TextItem this module reads. */
export interface PdfTextItem {
  readonly str: string;
  /** [a, b, c, d, e, f]: e and f are the baseline origin in page space (y grows upwards). */
  readonly transform: readonly number[];
  /** Advance width in page space. */
  readonly width: number;
  /** Font height in page space (0 for a space pdf.js adds itself). */
  readonly height: number;
  readonly hasEOL: boolean;
}

/** A line rebuilt from items, with where it sits (for paragraph gaps). */
export interface PdfLine {
  readonly text: string;
  /** Baseline of the line's first item. */
  readonly y: number;
  /** Largest font size on the line. */
  readonly size: number;
}

/** Two items are on one line when their baselines differ by less than this share of the larger font size (a superscript ² is raised about 0.35 em). */
const SAME_LINE = 0.6;
/** A gap between two items wider than this share of the font size is a space (a word space is about 0.25 em, kerning a few hundredths). */
const WORD_GAP = 0.15;
/** An item starting this many font sizes to the left of the previous item's end starts a new line (another column, a table cell below). */
const BACKWARDS = 1.5;
/** A gap between baselines wider than this share of the page's usual line spacing ends a paragraph. */
const PARAGRAPH_GAP = 1.3;

function sizeOf(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  const fromMatrix = Math.hypot(c, d);
  return fromMatrix > 0 ? fromMatrix : item.height > 0 ? item.height : 1;
}

function isWhitespace(text: string): boolean {
  return /^[\s\u00a0]*$/.test(text);
}

/**
 * Cuts a page's items into lines (whitespace inside a line kept as one space, lines trimmed).
 * @example pdfLines([{ str: "Bonjour", transform: [12, 0, 0, 12, 50, 700], width: 45, height: 12, hasEOL: false }, { str: "monde", transform: [12, 0, 0, 12, 98, 700], width: 33, height: 12, hasEOL: false }]).map(l => l.text) // ["Bonjour monde"]
 */
export function pdfLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = "";
  let lineY = 0;
  let lineSize = 0;
  let lineStarted = false;
  let endX = 0;
  let breakAfter = false;
  const flush = (): void => {
    const trimmed = text.replace(/[\s\u00a0]+/g, " ").trim();
    if (lineStarted && trimmed !== "") lines.push({ text: trimmed, y: lineY, size: lineSize });
    text = "";
    lineStarted = false;
    breakAfter = false;
  };
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = sizeOf(item);
    if (isWhitespace(item.str)) {
      // pdf.js's own spaces and empty markers: a space inside a line, an end of line when marked.
      if (lineStarted && item.str !== "") text += " ";
      if (item.hasEOL && lineStarted) breakAfter = true;
      continue;
    }
    if (lineStarted) {
      const sameBaseline = Math.abs(y - lineY) < SAME_LINE * Math.max(size, lineSize);
      const backwards = x < endX - BACKWARDS * size;
      if (breakAfter || !sameBaseline || backwards) {
        flush();
      } else if (x - endX > WORD_GAP * size && !text.endsWith(" ")) {
        text += " ";
      }
    }
    if (!lineStarted) {
      lineStarted = true;
      lineY = y;
      lineSize = size;
    }
    text += item.str;
    lineSize = Math.max(lineSize, size);
    endX = x + item.width;
    if (item.hasEOL) breakAfter = true;
  }
  flush();
  return lines;
}

/** The lower quartile: the line spacing inside paragraphs, even on a page of short paragraphs (whose gaps would lift a median). */
function lowerQuartile(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)];
}

/**
 * The page's text: its lines joined by "\n", with a blank line between paragraphs: a gap between
 * baselines wider than 1.3 × the page's usual line spacing (its lower quartile). A jump upwards
 * (the next column) is a line break only: a sentence cut by the column's end stays one paragraph.
 * @example pageText(items) // "CONVENTION DE PARTENARIAT\n\nLe Conseil communautaire,\nA la majorité absolue,"
 */
export function pageText(items: readonly PdfTextItem[]): string {
  const lines = pdfLines(items);
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i - 1].y - lines[i].y;
    // Steps between lines of ordinary text: below one size is a superscript or an overlap, above three a gap.
    if (step >= 0.8 * lines[i].size && step <= 3 * lines[i].size) steps.push(step / lines[i].size);
  }
  const usual = lowerQuartile(steps);
  let out = "";
  lines.forEach((line, i) => {
    if (i > 0) {
      const previous = lines[i - 1];
      const step = previous.y - line.y;
      const relative = step / Math.max(line.size, previous.size);
      const newParagraph = step > 0 && (usual === null ? relative > 2 : relative > PARAGRAPH_GAP * usual);
      out += newParagraph ? "\n\n" : "\n";
    }
    out += line.text;
  });
  return out;
}
