/**
 * A deliberation's text as a PDF's text layer (or a web copy of it) gives it, cleaned before the
 * rules read it: words cut at the end of a line joined, words glued across columns separated, a
 * header's name cut over two lines made one, and the préfecture's stamp — which a PDF often lays
 * over the header, its lines interleaved with the authority's name — taken out of the header and
 * kept as a block of its own. Nothing is added: each step only joins, splits or moves what is
 * written. Replacement characters ("D�lib�ration", "l?Etat") are left as written here; the
 * matching copy tolerates them (see tolerantFold).
 */
import { normalizeText } from "../text/normalizeText";
import { ACTES_PATTERN } from "./actesIdentifier";

/**
 * Cleans the text of a deliberation; pure and linear in the text's length.
 * @example cleanDeliberationText("COMMUNAUTE DE COMMUNES DU PAYS DEAccusé\nQUIMPERLE\ncertifié exécutoire")
 *   // "COMMUNAUTE DE COMMUNES DU PAYS DE QUIMPERLE\n\nAccusé certifié exécutoire\n"
 */
export function cleanDeliberationText(raw: string): string {
  const lines = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n")
    .split("\n")
    .map((line) => separateGluedWords(trimEnd(line.replace(/[\t\u00a0\u202f]/g, " "))));
  const known = knownWords(lines);
  return joinCapitalLines(moveStampLines(joinCutParagraphs(joinCutWords(lines, known)).flatMap(splitGluedStamp))).join("\n");
}

/** Trailing spaces taken off, but a Markdown hard break (two spaces after text) kept: the line goes on in the same paragraph. */
function trimEnd(line: string): string {
  const trimmed = line.trimEnd();
  return trimmed !== "" && line.length - trimmed.length >= 2 && line.endsWith("  ") ? `${trimmed}  ` : trimmed;
}

/**
 * "Délibération affichée à l'Hôtel-de-Ville" / (blank) / "et transmise au représentant de l'Etat
 * le 15 juin 2009.": a blank line between a line that ends no sentence and one that goes on in
 * lower case is a cut (a page break, a web copy's spacing), not a new paragraph.
 */
function joinCutParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const blanks: number[] = [];
    for (let k = out.length - 1; k >= 0 && out[k].trim() === ""; k -= 1) blanks.push(k);
    const before = out[out.length - 1 - blanks.length];
    if (blanks.length > 0 && before !== undefined && /^\s*\p{Ll}/u.test(line) && !/[.!?:;»"”]\s*$/.test(before)) out.splice(out.length - blanks.length);
    out.push(line);
  }
  return out;
}

/**
 * "DU PAYS DEAccusé" → "DU PAYS DE Accusé": a word in capitals glued to the next, capitalised
 * one (a column's last word and the next column's first, joined by the PDF's text layer).
 * @example separateGluedWords("COMMUNAUTE DE COMMUNES DU PAYS DEAccusé") // "COMMUNAUTE DE COMMUNES DU PAYS DE Accusé"
 */
export function separateGluedWords(line: string): string {
  return line.replace(/(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})/gu, " ");
}

/** Every word of the text in lower case, to tell a word cut at a line's end ("adminis-/tratif") from a compound ("villes-/centre"). */
function knownWords(lines: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const line of lines) for (const [word] of line.matchAll(/\p{L}+/gu)) words.add(word.toLowerCase());
  return words;
}

/** The word a line ends with when a hyphen cuts it ("… Jean-"), at most 40 letters looked at. */
function cutWordAtEnd(line: string): string | null {
  if (!line.endsWith("-")) return null;
  return /(\p{L}{1,40})-$/u.exec(line.slice(-41))?.[1] ?? null;
}

/** The word cut: without the hyphen when the joined word is written elsewhere in the text and goes on in lower case, with it otherwise. */
function joined(tail: string, head: string, known: ReadonlySet<string>): string {
  return /^\p{Ll}/u.test(head) && known.has(`${tail}${head}`.toLowerCase()) ? `${tail}${head}` : `${tail}-${head}`;
}

/**
 * A word cut by a hyphen at a line's end is joined with the start of the next line: without the
 * hyphen when the joined word is written elsewhere in the text ("adminis-" + "tratif"), with it
 * otherwise ("Jean-" + "Marie", "villes-" + "centre"); the same for a cut that became "- " in a
 * copy that lost its line breaks ("Seine- Saint-Denis").
 */
function joinCutWords(lines: readonly string[], known: ReadonlySet<string>): string[] {
  // Each line of the output as pieces, the last of which a cut word may be joined to: joining many
  // cut lines in a row costs no more than the text's length.
  const out: string[][] = [];
  for (const line of lines) {
    const unglued = line.replace(/(?<=\p{L})- (?=\p{L})/gu, (_dash: string, at: number) => {
      const tail = /\p{L}{1,40}$/u.exec(line.slice(Math.max(0, at - 40), at))?.[0] ?? "";
      const head = /^\p{L}{1,40}/u.exec(line.slice(at + 2, at + 42))?.[0] ?? "";
      return joined(tail, head, known) === `${tail}${head}` ? "" : "-";
    });
    const pieces = out[out.length - 1];
    const previous = pieces?.[pieces.length - 1];
    const tail = previous === undefined ? null : cutWordAtEnd(previous);
    const head = /^\p{L}{1,40}/u.exec(unglued.slice(0, 40))?.[0];
    if (pieces !== undefined && previous !== undefined && tail !== null && head !== undefined) {
      pieces[pieces.length - 1] = `${previous.slice(0, -1 - tail.length)}${joined(tail, head, known)}`;
      pieces.push(unglued.slice(head.length));
    } else {
      out.push([unglued]);
    }
  }
  return out.map((pieces) => pieces.join(""));
}

// The lines of a préfecture's stamp, as their own line of the text layer (folded).
const DATE_OR_NOTHING = String.raw`(?:\s*:?\s*(?:le\s*:?\s*)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:er)? [a-z]+\.? \d{4}))?\s*:?\s*`;
const STAMP_LINES: readonly RegExp[] = [
  // "Accusé de réception - Ministère de l'Intérieur" (cut at the margin: "… de l'Intérie"), "Accusé"
  /^accuse(?: de reception)?(?:\s*-\s*ministere\b.*)?$/,
  /^(?:accuse )?certifie executoire$/,
  new RegExp(`^(?:id\\s*:\\s*)?${ACTES_PATTERN}$`, "i"),
  new RegExp(
    `^(?:reception par le prefet|publication|publie(?:e)? le|affiche(?:e)?(?: le)?|envoye en (?:sous-)?prefecture(?: le)?|recu en (?:sous-)?prefecture(?: le)?|date de (?:reception|teletransmission|publication|affichage))${DATE_OR_NOTHING}$`,
  ),
  // The stamp's signature: "Pour l'"autorité Compétente" / par délégation".
  /^pour l'\W{0,2}autorite competente\W{0,2}(?:\s*par delegation)?$/,
  /^par delegation$/,
];
/** A stray number among the stamp's lines ("222"): part of the stamp's drawing. */
const STRAY_NUMBER = /^\d{1,4}$/;

function isStampLine(line: string): boolean {
  if (line.length > 120) return false;
  const folded = normalizeText(line);
  return folded.length > 0 && folded.length <= 80 && STAMP_LINES.some((form) => form.test(folded));
}

/**
 * "EXTRAIT DU REGISTRE DES DELIBERATIONS Publication : 13/02/2015" → the header and the stamp's
 * line apart: a line in capitals that ends with a stamp's line (written in ordinary case).
 */
function splitGluedStamp(line: string): string[] {
  if (line.length > 200) return [line];
  const glued = /^(.*\p{Lu}{2,}[^\p{Ll}]*?) ((?:Accusé|Publication|Réception|Reçu|Envoyé|Affiché)(?!\p{L}).*)$/u.exec(line);
  if (glued === null || !isStampLine(glued[2]) || /\p{Ll}/u.test(glued[1])) return [line];
  return [glued[1], glued[2]];
}

/** Other lines (the header) a stamp's lines may be interleaved with. */
const HEADER_REACH = 2;

/**
 * Each group of stamp lines interleaved with a few other lines (the header the stamp was laid
 * over) becomes: those other lines, in order, then the stamp's lines joined as one, between
 * blank lines. "COMMUNAUTE DE COMMUNES DU PAYS DE / Accusé de réception … / QUIMPERLE"
 * gives the name whole again.
 */
function moveStampLines(lines: readonly string[]): string[] {
  const stamp = lines.map(isStampLine);
  // A stray number counts with the stamp when a stamp line is right before or after it.
  lines.forEach((line, i) => {
    if (STRAY_NUMBER.test(line.trim()) && (stamp[i - 1] === true || stamp[i + 1] === true)) stamp[i] = true;
  });
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!stamp[i]) {
      out.push(lines[i]);
      i += 1;
      continue;
    }
    // The group: stamp lines with at most HEADER_REACH other non-blank lines between two of them.
    let end = i;
    let gap = 0;
    for (let j = i + 1; j < lines.length && gap <= HEADER_REACH && lines[j].trim() !== ""; j += 1) {
      if (stamp[j]) {
        end = j;
        gap = 0;
      } else {
        gap += 1;
      }
    }
    const group = lines.slice(i, end + 1);
    // The stamp as one line: its parts ("Accusé certifié exécutoire", "Réception par le préfet : …") are read together.
    const block = group.filter((_line, k) => stamp[i + k]).map((line) => line.trim()).join(" ");
    out.push(...group.filter((_line, k) => !stamp[i + k]), "", block, "");
    i = end + 1;
  }
  return out;
}

/** Words that cannot end a name: a line in capitals ending with one goes on on the next line. */
const DANGLING = /(?:^|\s)(?:de|du|des|d'|la|le|les|l'|et|a|au|aux|en|pour|par|sur|avec|entre)$/;

function inCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * "COMMUNAUTE DE COMMUNES DU PAYS DE" + "QUIMPERLE", "A LA POLITIQUE CULTURELLE DE LA" + "VILLE
 * DE LYON": a line in capitals cut after a word that cannot end it is joined with the next line
 * in capitals.
 */
function joinCapitalLines(lines: readonly string[]): string[] {
  // As pieces, so that a long run of joined lines costs no more than its length.
  const out: string[][] = [];
  let previousInCapitals = false;
  for (const line of lines) {
    const capitals = inCapitals(line);
    const pieces = out[out.length - 1];
    const last = pieces?.[pieces.length - 1];
    if (pieces !== undefined && last !== undefined && previousInCapitals && capitals && DANGLING.test(normalizeText(last.slice(-12)))) {
      pieces[pieces.length - 1] = last.trimEnd();
      pieces.push(` ${line.trim()}`);
    } else {
      out.push([line]);
      previousInCapitals = capitals;
    }
  }
  return out.map((pieces) => pieces.join(""));
}
