/**
 * The text of a deliberation as pasted from a PDF (or its Markdown/HTML copy), cut into units the
 * extraction rules read: lines, and sentences within paragraphs. Markup is removed ("**",
 * "<sup>2</sup>" → "2", headings' "#"), runs of spaces become one, and each unit carries a folded
 * copy for matching that lines up character for character with the text shown to the user.
 */
import { normalizeText } from "../text/normalizeText";
import { ownValue } from "../base/ownValue";

export interface TextUnit {
  /** As written, markup removed, runs of spaces made one: what the review quotes. */
  readonly text: string;
  /** `text` folded for matching (lower case, no accents, plain apostrophes), same length and positions. */
  readonly folded: string;
  /** The closest heading above ("ANNEXE 2 - ACTION N°2 : …", "3.2 Gouvernance"), null before any. */
  readonly heading: string | null;
  /** A heading itself (a Markdown title, a line all in bold or in capitals, ARTICLE…, ANNEXE…). */
  readonly isHeading: boolean;
}

export interface DeliberationText {
  /** Each non-blank line. */
  readonly lines: readonly TextUnit[];
  /** Each sentence of each paragraph, in order; a heading is a unit of its own. */
  readonly sentences: readonly TextUnit[];
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", laquo: "«", raquo: "»" };

/** HTML left by a PDF-to-Markdown copy: superscripts kept as text ("TEAM<sup>2</sup>" → "TEAM2"), blocks as lines. */
function removeHtml(text: string): string {
  return text
    .replace(/<\s*(sup|sub)\s*>(.*?)<\s*\/\s*\1\s*>/gis, "$2")
    .replace(/<\s*li\b[^>]*>/gi, "\n- ")
    .replace(/<\s*(br|\/p|\/li|\/div|\/tr|\/h\d|\/ul|\/ol)\b[^>]*>/gi, "\n")
    .replace(/<\s*\/?\s*(td|th)\b[^>]*>/gi, " ")
    .replace(/<[^>\n]*>/g, "")
    .replace(
      /&(#\d+|[a-z]+);/gi,
      (all, name: string) => (name.startsWith("#") ? character(Number(name.slice(1))) : ownValue(ENTITIES, name.toLowerCase())) ?? all,
    );
}

/** The character of a numeric entity ("&#171;"); none past Unicode's last code point, which String.fromCodePoint refuses. */
function character(codePoint: number): string | undefined {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

interface RawLine {
  readonly text: string;
  readonly isHeading: boolean;
  readonly isBullet: boolean;
}

const HEADING_WORDS = /^(annexe|action|article|titre|chapitre|preambule|objet)\b/;

function readLine(raw: string): RawLine | null {
  const markdownHeading = /^\s*#{1,6}\s/.test(raw);
  if (/^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/.test(raw)) return null; // a Markdown table's rule
  const withoutMarks = raw
    .replace(/^\s*#{1,6}\s*/, "")
    .replace(/^\s*>\s?/, "")
    .replace(/\s*\|\s*/g, " ");
  const allBold = /^\s*\*\*[^*].*\*\*\s*$/.test(withoutMarks) && !/\*\*[^*]+\*\*[^*]+\*\*/.test(withoutMarks.replace(/\*\*\s*\*\*/g, ""));
  const bullet = /^\s*(?:[-•●▪◦]|\d+[.)]|[a-z]\))\s+/.exec(withoutMarks);
  const text = collapse(withoutMarks.replace(/\*+/g, "").replace(/^\s*[-•●▪◦]\s+/, ""));
  if (text === "") return null;
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const folded = normalizeText(text);
  return {
    text,
    isHeading: markdownHeading || allBold || capitals || (HEADING_WORDS.test(folded) && !/[.;]$/.test(text) && text.length < 300),
    isBullet: bullet !== null,
  };
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/**
 * Folds text for matching like normalizeText, one character at a time so that positions in the
 * folded copy are positions in the text (a character whose folded form has another length is
 * only lower-cased).
 * @example foldAligned("Réception en Sous-Préfecture") // "reception en sous-prefecture"
 */
export function foldAligned(text: string): string {
  let folded = "";
  for (const ch of text) {
    if (/\s/.test(ch)) {
      folded += " ";
      continue;
    }
    const f = normalizeText(ch);
    const lower = ch.toLowerCase();
    folded += f.length === ch.length ? f : lower.length === ch.length ? lower : ch;
  }
  return folded;
}

function unit(text: string, heading: string | null, isHeading: boolean): TextUnit {
  return { text, folded: foldAligned(text), heading, isHeading };
}

/** Words after which a full stop does not end a sentence ("M. Dupont", "art. 3", "Mme. X"). */
const ABBREVIATIONS = new Set(["m", "mm", "mme", "mlle", "mr", "dr", "me", "st", "ste", "art", "cf", "av", "bd", "no", "n°", "p", "ex", "etc"]);

/** Sentences of a paragraph: after . ! ? ; when the next word starts with a capital or a quote. */
function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?;]\s+(?=[«"“\p{Lu}])/gu)) {
    const end = (match.index ?? 0) + 1;
    const before = /(\S+)$/.exec(paragraph.slice(start, end - 1))?.[1] ?? "";
    if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((s) => s !== "");
}

/**
 * Cuts the pasted text of a deliberation into lines and sentences: paragraphs end at a blank
 * line, at a list item, and where headings meet body text; consecutive heading lines make one
 * heading ("CONVENTION DE PARTENARIAT ENTRE … / BRUAY ET L'ASSOCIATION …").
 * @example prepareDeliberationText("**OBJET**\nLe conseil s'est réuni. Il a délibéré.").sentences.map(s => s.text)
 *   // ["OBJET", "Le conseil s'est réuni.", "Il a délibéré."]
 */
export function prepareDeliberationText(raw: string): DeliberationText {
  const lines: TextUnit[] = [];
  const sentences: TextUnit[] = [];
  let heading: string | null = null;
  let paragraph: RawLine[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const text = collapse(paragraph.map((l) => l.text).join(" "));
    if (paragraph[0].isHeading) {
      sentences.push(unit(text, heading, true));
      heading = text;
    } else {
      splitSentences(text).forEach((s) => sentences.push(unit(s, heading, false)));
    }
    paragraph = [];
  };
  for (const rawLine of removeHtml(raw.normalize("NFC").replace(/\r\n?/g, "\n")).split("\n")) {
    const line = readLine(rawLine);
    if (line === null) {
      flush();
      continue;
    }
    lines.push(unit(line.text, heading, line.isHeading));
    const previous = paragraph[0];
    const startsBlock = line.isBullet || HEADING_WORDS.test(normalizeText(line.text));
    // A line that starts in lower case goes on with the one above (a title wrapped over two lines).
    const goesOn = !line.isBullet && /^\p{Ll}/u.test(line.text);
    if (previous !== undefined && !goesOn && (startsBlock || previous.isHeading !== line.isHeading)) flush();
    paragraph.push(line);
  }
  flush();
  return { lines, sentences };
}
