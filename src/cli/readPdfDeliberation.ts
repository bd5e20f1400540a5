/**
 * `registre importer FICHIER.pdf`: the text layer of a deliberation's PDF, read with pdf.js
 * (src/pdf/pdfText.ts, loaded the first time a PDF is given: text files never load it). No OCR: a
 * scan, a PDF that needs a password, a damaged one or one over the limits (20 Mio, 200 pages,
 * 2 000 000 characters, 30 s) is refused with its reason in French. Called from the command's
 * reading step once the bytes look like a PDF ("%PDF-" in the first kilobyte).
 */
import { loadPdfjsForNode } from "../pdf/loadPdfjsNode";
import { PdfjsLike, joinPages, pdfText } from "../pdf/pdfText";
import { CliError } from "./cliError";

export type PdfDeliberation =
  | { readonly ok: true; readonly text: string; readonly pageCount: number; readonly pagesWithoutText: readonly number[] }
  | { readonly ok: false; readonly error: CliError };

/**
 * The deliberation's text, its pages joined as the extraction reads them (a paragraph cut by a page break stays one).
 * @example (await readPdfDeliberation(await fs.readFile("deliberation.pdf"), "deliberation.pdf")).ok // true
 */
export async function readPdfDeliberation(bytes: Uint8Array, path: string): Promise<PdfDeliberation> {
  let pdfjs: PdfjsLike;
  try {
    pdfjs = loadPdfjsForNode();
  } catch {
    // Its message is Node's (English, a path): the French one names the package.
    return { ok: false, error: { code: "pdf_reader_missing", path } };
  }
  const result = await pdfText(bytes, { pdfjs });
  if (result.kind !== "text") return { ok: false, error: { code: "pdf_unreadable", path, problem: result } };
  return { ok: true, text: joinPages(result.pages), pageCount: result.pages.length, pagesWithoutText: result.pagesWithoutText };
}
