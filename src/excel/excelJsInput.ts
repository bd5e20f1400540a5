/**
 * Interim, until the register is read without ExcelJS's whole model (issue 18's streaming reader):
 * a package ExcelJS could not load, made into one it can read the values of. ExcelJS finds a part
 * by the relationship's target written relative to its source ("../drawings/drawing1.xml") and
 * parses drawings, comments and their VML only in the forms Excel writes; openpyxl writes absolute
 * targets ("/xl/drawings/drawing1.xml", valid OPC, ECMA-376-2 §9.3) and its own drawing XML, on
 * which ExcelJS fails ("Cannot read properties of undefined (reading 'anchors')"). The copy given
 * to ExcelJS has every internal target made relative, and the worksheets' drawings, comments and
 * VML left out, parts and all (none of them holds a cell value). Only ExcelJS's view changes: the file is not
 * written, and the command line's copies are made from the file's own bytes (src/excel/xlsxPatch.ts).
 */
import JSZip from "jszip";
import { REL_TYPE, parseRelationships, relativeTarget, relsPathOf } from "./opcPackage";
import { attribute } from "./xmlText";

/** Relationships of a worksheet that lead only to what is drawn over its cells or noted on them. */
const LEFT_OUT = new Set([REL_TYPE.drawing, REL_TYPE.comments, REL_TYPE.vmlDrawing]);
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * The package's bytes as ExcelJS can read their values (see above).
 * @example await workbook.xlsx.load(await packageForExcelJs(openpyxlBytes))
 */
export async function packageForExcelJs(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const relsPart of Object.keys(zip.files).filter((name) => /(^|\/)_rels\/[^/]*\.rels$/.test(name))) {
    const source = relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const xml = await zip.file(relsPart)?.async("string");
    if (xml === undefined) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(source);
    const dropped = isSheet ? parseRelationships(source, xml).filter((r) => LEFT_OUT.has(r.type)) : [];
    const leftOut = new Set(dropped.map((r) => r.id));
    // The parts themselves go too: ExcelJS parses every drawing it finds, named or not.
    for (const rel of dropped) {
      if (rel.part === null) continue;
      zip.remove(rel.part);
      zip.remove(relsPathOf(rel.part));
    }
    const relative = xml.replace(RELATIONSHIP, (tag) => {
      const id = attribute(tag, "Id") ?? "";
      if (leftOut.has(id)) return "";
      const target = attribute(tag, "Target");
      if (target === null || !target.startsWith("/") || attribute(tag, "TargetMode") === "External") return tag;
      return tag.replace(/\sTarget\s*=\s*("[^"]*"|'[^']*')/, ` Target="${relativeTarget(source, target.slice(1))}"`);
    });
    if (relative !== xml) zip.file(relsPart, relative, { createFolders: false });
    if (leftOut.size > 0 && relsPathOf(source) === relsPart) await leaveOutDrawings(zip, source, leftOut);
  }
  // Deflated: the parts left as they were go through as they are, never inflated here.
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The worksheet without its <drawing> and <legacyDrawing> elements that name left-out relationships. */
async function leaveOutDrawings(zip: JSZip, sheetPart: string, ids: ReadonlySet<string>): Promise<void> {
  const xml = await zip.file(sheetPart)?.async("string");
  if (xml === undefined) return;
  const kept = xml.replace(/<(?:[\w.-]+:)?(?:drawing|legacyDrawing|legacyDrawingHF)\b[^>]*\/>/g, (tag) => {
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    return id !== undefined && ids.has(id) ? "" : tag;
  });
  zip.file(sheetPart, kept, { createFolders: false });
}
