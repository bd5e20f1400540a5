/**
 * The text of a deliberation as pasted from a PDF (or its Markdown/HTML copy), cut into units the
 * extraction rules read: lines, and sentences within paragraphs. Markup is removed ("**",
 * "<sup>2</sup>" → "2", headings' "#"), runs of spaces become one, and each unit carries a folded
 * copy for matching that lines up character for character with the text shown to the user.
 */
import { normalizeText } from "../text/normalizeText";
import { ownValue } from "../base/ownValue";
import { findDatesInText } from "../text/findDatesInText";
import { cleanDeliberationText } from "./cleanDeliberationText";
import { foldAligned, makeTolerantFold } from "./tolerantFold";

export { foldAligned };

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
  /**
   * The year the text is about: the one its dates written in full carry most often (null when it
   * has none). A two-digit year ("17/12/19") is read in the century that puts it nearest.
   */
  readonly referenceYear: number | null;
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", laquo: "«", raquo: "»" };

/**
 * HTML left by a PDF-to-Markdown copy: superscripts kept as text ("TEAM<sup>2</sup>" → "TEAM2"),
 * blocks as lines. Every tag is read up to the next "<" or ">" at most, so that a text of "<" alone
 * is read in linear time.
 */
function removeHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text
    .replace(/<sup>([^<>]{0,40})<\/sup>|<sub>([^<>]{0,40})<\/sub>/gi, (_all, sup: string | undefined, sub: string | undefined) => sup ?? sub ?? "")
    .replace(/<li\b[^<>]*>/gi, "\n- ")
    .replace(/<(?:br|\/p|\/li|\/div|\/tr|\/h\d|\/ul|\/ol)\b[^<>]*>/gi, "\n")
    .replace(/<\/?(?:td|th)\b[^<>]*>/gi, " ")
    .replace(/<[^<>\n]*>/g, "")
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
  /** Ends with a Markdown hard break (two spaces): the paragraph goes on on the next line. */
  readonly hardBreak: boolean;
}

const HEADING_WORDS = /^(annexe|action|article|titre|chapitre|preambule|objet)\b/;

function readLine(raw: string): RawLine | null {
  const markdownHeading = /^\s*#{1,6}\s/.test(raw);
  if (/^[\s|:-]+$/.test(raw) && raw.includes("|") && raw.includes("--")) return null; // a Markdown table's rule
  const withoutMarks = raw.replace(/^\s*#{1,6}\s*/, "").replace(/^\s*>\s?/, "").replace(/\|/g, " ");
  const bold = withoutMarks.trim();
  const allBold =
    bold.length <= 500 &&
    /^\*\*[^*].*\*\*$/.test(bold) &&
    !/\*\*[^*]+\*\*[^*]+\*\*/.test(bold.replace(/\*\*\s*\*\*/g, ""));
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
    hardBreak: /\S {2,}$/.test(raw),
  };
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

type Fold = (text: string) => string;

function unit(fold: Fold, text: string, heading: string | null, isHeading: boolean): TextUnit {
  return { text, folded: fold(text), heading, isHeading };
}

/** Words after which a full stop does not end a sentence ("M. Dupont", "art. 3", "Mme. X"). */
const ABBREVIATIONS = new Set(["m", "mm", "mme", "mlle", "mr", "dr", "me", "st", "ste", "art", "cf", "av", "bd", "no", "n°", "p", "ex", "etc"]);

/** Sentences of a paragraph: after . ! ? ; when the next word starts with a capital or a quote. */
function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?;]\s+(?=[«"“\p{Lu}])/gu)) {
    const end = (match.index ?? 0) + 1;
    const before = /(\S{1,12})$/.exec(paragraph.slice(Math.max(start, end - 13), end - 1))?.[1] ?? "";
    // "M. Dupont", "art. 3", an initial, an acronym with dots ("S.I.V.O.M. Alliance Nord-Ouest")
    if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((s) => s !== "");
}

/** What a line that goes on on the next one ends with: a word that cannot end a phrase, a comma, a dash. */
const OPEN_END = /(?:^|\s)(?:de|du|des|d'|la|le|les|l'|et|ou|a|au|aux|en|pour|par|sur|avec|entre|un|une|dont|que|qui)$|[,(–-]$/;

/**
 * Below this length a line does not reach the margin: 70 % of the length most ordinary lines
 * reach (their 75th percentile), at least 28 characters.
 */
function shortLineLength(lines: readonly (RawLine | null)[]): number {
  const lengths = lines.flatMap((l) => (l === null || l.isHeading ? [] : [l.text.length])).sort((a, b) => a - b);
  const typical = lengths.length === 0 ? 40 : lengths[Math.floor(lengths.length * 0.75)];
  return Math.max(28, Math.min(typical, 120) * 0.7);
}

/**
 * Cuts the pasted text of a deliberation into lines and sentences: paragraphs end at a blank
 * line, at a list item, and where headings meet body text; consecutive heading lines make one
 * heading ("CONVENTION DE PARTENARIAT ENTRE … / BRUAY ET L'ASSOCIATION …").
 * @example prepareDeliberationText("**OBJET**\nLe conseil s'est réuni. Il a délibéré.").sentences.map(s => s.text)
 *   // ["OBJET", "Le conseil s'est réuni.", "Il a délibéré."]
 */
export function prepareDeliberationText(raw: string): DeliberationText {
  const cleaned = cleanDeliberationText(removeHtml(raw.normalize("NFC").replace(/\r\n?/g, "\n"))).split("\n");
  const fold = makeTolerantFold(cleaned);
  const lines: TextUnit[] = [];
  const sentences: TextUnit[] = [];
  let heading: string | null = null;
  let paragraph: RawLine[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const text = collapse(paragraph.map((l) => l.text).join(" "));
    if (paragraph[0].isHeading) {
      sentences.push(unit(fold, text, heading, true));
      heading = text;
    } else {
      splitSentences(text).forEach((s) => sentences.push(unit(fold, s, heading, false)));
    }
    paragraph = [];
  };
  const read = cleaned.map(readLine);
  const short = shortLineLength(read);
  for (const line of read) {
    if (line === null) {
      flush();
      continue;
    }
    lines.push(unit(fold, line.text, heading, line.isHeading));
    const previous = paragraph[0];
    const last = paragraph[paragraph.length - 1];
    const startsBlock = line.isBullet || HEADING_WORDS.test(normalizeText(line.text));
    // A line that starts in lower case goes on with the one above (a title wrapped over two lines).
    const goesOn = !line.isBullet && /^\p{Ll}/u.test(line.text);
    // A short line that ends a phrase, followed by one that starts anew, is a line of its own (a
    // header's line, a title): text cut at the margin fills its lines.
    const endsLine = last !== undefined && !last.hardBreak && !last.isHeading && !line.isHeading && last.text.length < short && !OPEN_END.test(normalizeText(last.text.slice(-14))) && /^[\p{Lu}\d«"“(]/u.test(line.text);
    if (previous !== undefined && !goesOn && (startsBlock || endsLine || previous.isHeading !== line.isHeading)) flush();
    paragraph.push(line);
  }
  flush();
  return { lines, sentences, referenceYear: referenceYear(sentences) };
}

/** The year the dates written in full (four-digit years, or in words) carry most often; the latest on a tie. */
function referenceYear(sentences: readonly TextUnit[]): number | null {
  const counts = new Map<number, number>();
  for (const sentence of sentences) {
    for (const found of findDatesInText(sentence.folded)) {
      if (/\d[/.-]\d{1,2}[/.-]\d{2}$/.test(found.text)) continue; // a two-digit year says nothing of the century
      counts.set(found.date.year, (counts.get(found.date.year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && year > best)) best = year;
  return best;
}
