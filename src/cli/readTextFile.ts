/**
 * The file-reading step of `registre importer`: a path in, the text of a deliberation (or the
 * bytes of its PDF, for readPdfDeliberation.ts) out, or a refusal. Only a regular file is read (a
 * named pipe, /dev/zero or a folder are refused at once, checked on the descriptor opened without
 * blocking, not on the path), and at most MAX_TEXT_BYTES of a text (a deliberation is some tens of
 * kilobytes, a text of 50 MB is refused before it is read) or the PDF reader's own bound of a PDF
 * ("%PDF-" in its first kilobyte).
 *
 * Encodings, decided from the bytes:
 *   - a byte order mark says UTF-8, UTF-16LE (Notepad's "Unicode") or UTF-16BE;
 *   - without one, UTF-16 is recognised by its zero bytes every other byte (English-like text);
 *     any other zero byte, or "%PDF-", is a binary file: refused;
 *   - valid UTF-8 is UTF-8;
 *   - invalid UTF-8 that holds valid multi-byte sequences too (a UTF-8 text with a stray byte) is
 *     read as UTF-8, each bad byte as U+FFFD, and a warning says how many: never the whole file as
 *     Windows-1252 ("ConsidÃ©rant") for one bad byte;
 *   - invalid UTF-8 with no multi-byte sequence at all is Windows-1252 (a text saved by Notepad in
 *     "ANSI", where "é" is the single byte E9).
 */
import { constants, promises as fs } from "node:fs";
import { TextDecoder } from "node:util";
import { PDF_SIGNATURE_WINDOW, PDF_TEXT_DEFAULTS, looksLikePdf } from "../pdf/pdfLimits";

/** The largest deliberation read (the longest of the real corpus is about 35 KB). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export type TextFileProblem =
  | { readonly code: "text_file_not_found"; readonly path: string }
  | { readonly code: "text_file_unreadable"; readonly path: string; readonly detail: string }
  /** A folder, a named pipe, a device (/dev/zero)…: only a regular file is read. */
  | { readonly code: "not_a_regular_file"; readonly path: string }
  /** Over MAX_TEXT_BYTES, or over the PDF reader's bound for a PDF (`pdf`). */
  | { readonly code: "text_file_too_large"; readonly path: string; readonly bytes: number; readonly max: number; readonly pdf?: boolean }
  /** A PDF, a Word file or another binary file. */
  | { readonly code: "not_a_text_file"; readonly path: string };

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type TextFile =
  | {
      readonly ok: true;
      readonly kind: "text";
      readonly text: string;
      readonly encoding: TextEncoding;
      /** Bytes that were not UTF-8 in a UTF-8 text, each read as U+FFFD. */
      readonly replaced: number;
    }
  /** A PDF's bytes, for its text layer to be read (readPdfDeliberation.ts). */
  | { readonly ok: true; readonly kind: "pdf"; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: TextFileProblem };

/**
 * Reads a deliberation's file (see the top of this file).
 * @example await readTextFile("deliberation.txt") // { ok: true, kind: "text", text: "Le conseil…", encoding: "utf-8", replaced: 0 }
 */
export async function readTextFile(path: string): Promise<TextFile> {
  const fail = (error: TextFileProblem): TextFile => ({ ok: false, error });
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe waits for a writer otherwise.
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return fail({ code: "text_file_not_found", path });
    if (code === "EISDIR") return fail({ code: "not_a_regular_file", path });
    return fail({ code: "text_file_unreadable", path, detail: code ?? "?" });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return fail({ code: "not_a_regular_file", path });
    const head = Buffer.alloc(Math.min(stat.size, PDF_SIGNATURE_WINDOW));
    await handle.read(head, 0, head.length, 0);
    const pdf = looksLikePdf(head);
    const max = pdf ? PDF_TEXT_DEFAULTS.maxBytes : MAX_TEXT_BYTES;
    if (stat.size > max) return fail({ code: "text_file_too_large", path, bytes: stat.size, max, ...(pdf ? { pdf } : {}) });
    // At most one byte past the limit, whatever the size said (a file that grows while it is read).
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > max) return fail({ code: "text_file_too_large", path, bytes: length, max, ...(pdf ? { pdf } : {}) });
    // A plain copy: pdf.js refuses a Node Buffer.
    if (pdf) return { ok: true, kind: "pdf", bytes: new Uint8Array(buffer.subarray(0, length)) };
    const decoded = decodeText(buffer.subarray(0, length));
    return decoded === null ? fail({ code: "not_a_text_file", path }) : { ok: true, kind: "text", ...decoded };
  } catch (error) {
    return fail({ code: "text_file_unreadable", path, detail: (error as NodeJS.ErrnoException).code ?? "?" });
  } finally {
    await handle.close();
  }
}

/**
 * A text's bytes decoded (see the top of this file); null for a binary file.
 * @example decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00])) // { text: "A", encoding: "utf-16le", replaced: 0 }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; replaced: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", replaced: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", replaced: 0 };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (new TextDecoder("latin1").decode(body.subarray(0, 5)) === "%PDF-") return null;
  if (body.includes(0)) {
    const utf16 = utf16WithoutMark(body);
    return utf16 === null ? null : { text: new TextDecoder(utf16).decode(body), encoding: utf16, replaced: 0 };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8", replaced: 0 };
  } catch {
    const { valid, invalid } = utf8Sequences(body);
    if (valid === 0) return { text: windows1252(body), encoding: "windows-1252", replaced: 0 };
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body), encoding: "utf-8", replaced: invalid };
  }
}

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest is Latin-1); Node's decoder of that name may be Latin-1's. */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Bytes in Windows-1252 (Notepad's « ANSI » in France).
 * @example windows1252(Buffer.from([0x80, 0xe9])) // "€é"
 */
function windows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** UTF-16 without a byte order mark: zero bytes in (nearly) every odd place (LE) or even place (BE). */
function utf16WithoutMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros >= 0.9 * pairs && evenZeros === 0) return "utf-16le";
  if (evenZeros >= 0.9 * pairs && oddZeros === 0) return "utf-16be";
  return null;
}

/** Valid multi-byte UTF-8 sequences, and bytes that belong to none (each a U+FFFD once decoded). */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
