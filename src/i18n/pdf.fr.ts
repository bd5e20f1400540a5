/**
 * The French words of a deliberation read from a PDF (src/pdf/pdfText.ts): why a PDF gives no
 * text, and what was read. `registre importer FICHIER.pdf` and the pane's "Importer" tab say the
 * same sentences.
 */
import type { PdfProblem } from "../pdf/pdfText";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}

/** Bytes as a French reader reads a file's size: "20 Mo", "1,5 Mo", "300 Ko". */
function fileSize(bytes: number): string {
  const decimal = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", ","));
  return bytes >= 1024 * 1024 ? `${decimal(Math.round((bytes / (1024 * 1024)) * 10) / 10)} Mo` : `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}

/** What the user can do instead, when a PDF cannot be read. */
const PASTE_INSTEAD = "collez le texte de la délibération à la place";

/**
 * Why a PDF gives no text, as one or two sentences about "ce PDF" (pdf.js's own message, for a
 * damaged file, is left out: it is English and says nothing a user can act on).
 * @example pdfProblemMessage({ kind: "encrypted" }) // "Ce PDF est protégé par un mot de passe : …"
 */
export function pdfProblemMessage(problem: PdfProblem): string {
  switch (problem.kind) {
    case "no_text_layer":
      return (
        `Ce PDF ne contient aucun texte lisible (${plural(problem.pageCount, "page", "pages")} en images : un document numérisé ?). ` +
        "Seule la couche texte d'un PDF est lue, sans reconnaissance de caractères (OCR) : " +
        `prenez le PDF publié ou télétransmis par la collectivité, ou ${PASTE_INSTEAD}.`
      );
    case "encrypted":
      return `Ce PDF est protégé par un mot de passe : ouvrez-le avec son mot de passe et enregistrez-en une copie sans protection, ou ${PASTE_INSTEAD}.`;
    case "not_pdf":
      return "Ce fichier n'est pas un PDF (il ne commence pas par « %PDF- ») : choisissez le PDF de la délibération, ou collez son texte.";
    case "damaged":
      return `Ce PDF est endommagé ou incomplet et ne peut pas être lu : téléchargez-le à nouveau, ou ${PASTE_INSTEAD}.`;
    case "over_limit":
      switch (problem.limit) {
        case "bytes":
          return `Ce PDF est trop volumineux (${fileSize(problem.actual)} ; au plus ${fileSize(problem.max)}) : ${PASTE_INSTEAD}.`;
        case "pages":
          return `Ce PDF a ${problem.actual} pages (au plus ${problem.max}) : gardez les pages de la délibération, ou ${PASTE_INSTEAD}.`;
        case "characters":
          return `Ce PDF contient trop de texte (plus de ${problem.max.toLocaleString("fr-FR")} caractères) pour une délibération : ${PASTE_INSTEAD}.`;
        case "time":
          return `La lecture de ce PDF a été abandonnée après ${Math.round(problem.max / 1000)} secondes : ${PASTE_INSTEAD}.`;
      }
  }
}

/** What was read: "Texte lu dans le PDF : 11 pages." with the pages that had none. */
export function pdfReadSummary(pageCount: number, pagesWithoutText: readonly number[]): string {
  const read = `Texte lu dans le PDF : ${plural(pageCount, "page", "pages")}.`;
  if (pagesWithoutText.length === 0) return read;
  const pages = pagesWithoutText.join(", ");
  return `${read} ${pagesWithoutText.length === 1 ? `La page ${pages} ne contient` : `Les pages ${pages} ne contiennent`} que des images, non lues (pas d'OCR) : vérifiez qu'il n'y manque rien.`;
}
