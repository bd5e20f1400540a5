/**
 * New sheets added to a workbook file without rewriting it: every part of the package stays byte
 * for byte what it was (the user's sheets, charts, pivot tables, pictures, comments, macros, custom
 * XML, whatever wrote them), except the few that must name what is added — [Content_Types].xml, the
 * workbook part and its relationships (one <sheet>, its relationship and its print titles), and the
 * styles part (the looks the new sheet uses, appended). The new sheet itself is rendered by ExcelJS
 * into a workbook of its own (src/excel/xlsxRender.ts, the same rendering as the gateway's), then
 * moved in: its sheet part (texts as inline strings, so that the shared strings stay untouched; its
 * style indexes renumbered into the target's styles), its tables, drawings and charts under free
 * names, their relationships and content types.
 *
 * A file whose package cannot be read or patched (not a zip, no workbook part, a Strict Open XML
 * workbook, a part that does not parse) is refused with a typed error: nothing is ever dropped.
 *
 *   const patched = await addSheetsToPackage(await fs.readFile("registre.xlsx"), [draft]);  // a copy with the draft's sheet
 *   const fresh = await addSheetsToPackage(null, [draftA, draftB]);                          // a new workbook
 */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SheetDraft, uniqueSheetName } from "../plans/sheetDraft";
import {
  CONTENT_TYPE,
  ContentTypes,
  NS,
  PackagePartError,
  REL_TYPE,
  addRelationships,
  findPart,
  freePartName,
  parseRelationships,
  partNames,
  partText,
  relativeTarget,
  relsPathOf,
} from "./opcPackage";
import { completePackage } from "./xlsxPackage";
import { renderDraft } from "./xlsxRender";
import { mergeStyles } from "./xlsxStyles";
import { ElementSpan, appendChildren, attribute, childElements, escapeXml, findElement, namespacePrefix, qualified, setAttribute, withPrefix } from "./xmlText";

/** Why a package cannot take new sheets; phrased in French by the caller's i18n. */
export type PatchErrorCode =
  /** Not a zip that JSZip can read (an encrypted or damaged entry, an unknown compression). */
  | "not_a_package"
  /** A part the patch needs is missing ([Content_Types].xml, the workbook part, its relationships). */
  | "missing_part"
  /** A part the patch must change does not parse as the part it should be. */
  | "invalid_part"
  /** A part the patch must read inflates past MAX_PART_BYTES (a zip bomb, not a workbook). */
  | "part_too_large"
  /** A Strict Open XML workbook (Excel's "Strict Open XML Spreadsheet"), whose namespaces differ. */
  | "strict_workbook"
  /** The workbook has no room left for the new sheet's cell formats (Excel's limit). */
  | "too_many_styles";

export interface PatchError {
  readonly code: PatchErrorCode;
  /** The part concerned, when there is one. */
  readonly part?: string;
}

export type PatchedPackage =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly addedSheets: readonly string[];
      /** The workbook holds macros (an .xlsm's content type): Excel opens it only under a name ending in .xlsm. */
      readonly macroEnabled: boolean;
    }
  | { readonly ok: false; readonly error: PatchError };

/** The workbook's children after <sheets> and <definedNames> (CT_Workbook, ECMA-376-1 §18.2.27), in order. */
const AFTER_SHEETS = ["functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const AFTER_DEFINED_NAMES = AFTER_SHEETS.slice(AFTER_SHEETS.indexOf("definedNames") + 1);

/**
 * The package with a sheet added for each draft (a taken name gets " (2)"…); `base` null makes a
 * new workbook. Tables get names free among the workbook's tables and defined names.
 * @example (await addSheetsToPackage(bytes, [reportDraft])).addedSheets // ["Rapport 2025"]
 */
export async function addSheetsToPackage(base: Uint8Array | null, drafts: readonly SheetDraft[]): Promise<PatchedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(base ?? (await emptyWorkbook()));
  } catch {
    return { ok: false, error: { code: "not_a_package" } };
  }
  try {
    const target = await TargetWorkbook.open(zip);
    const addedSheets: string[] = [];
    for (const draft of drafts) addedSheets.push(await target.addSheet(draft));
    await target.finish();
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    return { ok: true, bytes, addedSheets, macroEnabled: target.macroEnabled() };
  } catch (error) {
    if (error instanceof PackagePartError) return { ok: false, error: { code: error.code, part: error.part } };
    if (error instanceof PatchRefusal) return { ok: false, error: { code: error.code } };
    if (isZipReadError(error)) return { ok: false, error: { code: "not_a_package" } };
    throw error;
  }
}

class PatchRefusal extends Error {
  constructor(readonly code: PatchErrorCode) {
    super(code);
  }
}

/** JSZip's own failures on an entry it cannot inflate ("Corrupted zip", "Encrypted zip are not supported"…). */
function isZipReadError(error: unknown): boolean {
  return error instanceof Error && /zip|compression|crc32|data size/i.test(error.message);
}

/** A workbook with no sheet, for a new file. */
async function emptyWorkbook(): Promise<Uint8Array> {
  return new Uint8Array(await new Workbook().xlsx.writeBuffer());
}

/** The package being patched: its index parts read once, changed in memory, written back by finish(). */
class TargetWorkbook {
  private sheetCount = 0;
  private nextSheetId = 1;
  private nextTableId = 1;
  private readonly takenNames: string[] = [];
  /** Table names and defined names, lower-cased: a new table may take none of them (Excel would call the file damaged). */
  private readonly tableNames = new Set<string>();
  private readonly names: Set<string>;
  /** The workbook counts days from 1904 (Excel for Mac's old system): dates written are shifted to it. */
  private date1904 = false;
  private stylesPart: string | null = null;
  private styles: string | null = null;
  private workbookRels: string;

  private constructor(
    private readonly zip: JSZip,
    private readonly workbookPart: string,
    private workbook: string,
    workbookRels: string | null,
    private readonly contentTypes: ContentTypes,
  ) {
    this.names = partNames(zip);
    this.workbookRels = workbookRels ?? "";
  }

  static async open(zip: JSZip): Promise<TargetWorkbook> {
    const contentTypesXml = await partText(zip, "[Content_Types].xml");
    if (contentTypesXml === null) throw new PackagePartError("missing_part", "[Content_Types].xml");
    const contentTypes = ContentTypes.parse(contentTypesXml);
    const rootRels = await partText(zip, "_rels/.rels");
    const officeDocument = parseRelationships("", rootRels ?? "").find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"));
    if (officeDocument?.part === undefined || officeDocument.part === null) throw new PackagePartError("missing_part", "_rels/.rels");
    const workbookPart = officeDocument.part;
    const workbook = await partText(zip, workbookPart);
    if (workbook === null) throw new PackagePartError("missing_part", workbookPart);
    if (namespacePrefix(workbook, NS.strictMain) !== null) throw new PatchRefusal("strict_workbook");
    const root = findElement(workbook, "workbook");
    if (root === null) throw new PackagePartError("invalid_part", workbookPart);
    const target = new TargetWorkbook(zip, workbookPart, workbook, await partText(zip, relsPathOf(workbookPart)), contentTypes);
    await target.readIndex();
    return target;
  }

  /** Sheets, defined names, tables and the styles part, as the workbook has them. */
  private async readIndex(): Promise<void> {
    const properties = findElement(this.workbook, "workbookPr");
    const date1904 = properties === null ? null : attribute(properties.startTag, "date1904");
    this.date1904 = date1904 === "1" || date1904 === "true";
    const sheets = findElement(this.workbook, "sheets");
    for (const sheet of sheets === null ? [] : childElements(this.workbook, sheets)) {
      if (sheet.localName !== "sheet") continue;
      this.sheetCount++;
      this.takenNames.push(attribute(sheet.xml, "name") ?? "");
      const id = Number(attribute(sheet.xml, "sheetId"));
      if (Number.isInteger(id)) this.nextSheetId = Math.max(this.nextSheetId, id + 1);
    }
    const definedNames = findElement(this.workbook, "definedNames");
    for (const name of definedNames === null ? [] : childElements(this.workbook, definedNames)) {
      const value = attribute(name.xml, "name");
      if (value !== null) this.tableNames.add(value.toLowerCase());
    }
    for (const part of this.contentTypes.partsOfType(CONTENT_TYPE.table)) {
      const table = await partText(this.zip, part);
      const start = table === null ? null : findElement(table, "table");
      if (start === null) continue;
      for (const key of ["name", "displayName"]) {
        const value = attribute(start.startTag, key);
        if (value !== null) this.tableNames.add(value.toLowerCase());
      }
      const id = Number(attribute(start.startTag, "id"));
      if (Number.isInteger(id)) this.nextTableId = Math.max(this.nextTableId, id + 1);
    }
    const styles = parseRelationships(this.workbookPart, this.workbookRels).find((r) => r.type === REL_TYPE.styles);
    if (styles?.part !== undefined && styles.part !== null) {
      this.stylesPart = styles.part;
      this.styles = await partText(this.zip, styles.part);
      if (this.styles === null) throw new PackagePartError("missing_part", styles.part);
    }
  }

  /** Renders a draft in a workbook of its own and moves its sheet in; the name the sheet got. */
  async addSheet(draft: SheetDraft): Promise<string> {
    const name = uniqueSheetName(draft.name, this.takenNames);
    this.takenNames.push(name);
    const rendered = await renderAlone(name, this.date1904 ? in1904System(draft) : draft, this.tableNames);
    const source = await SourceSheet.read(rendered);

    // The looks: appended to the target's styles (a workbook without a styles part takes the source's).
    let cellFormats: readonly number[];
    let differentialFormats: readonly number[];
    if (this.styles === null) {
      this.stylesPart = freePartName(this.names, `${this.folder()}styles`, ".xml");
      this.styles = source.styles;
      cellFormats = source.identityCellFormats();
      differentialFormats = source.identityDifferentialFormats();
      this.addWorkbookRelationship(REL_TYPE.styles, this.stylesPart);
      this.contentTypes.add(this.stylesPart, CONTENT_TYPE.styles);
    } else {
      try {
        ({ xml: this.styles, cellFormats, differentialFormats } = mergeStyles(this.styles, source.styles));
      } catch (error) {
        if (error instanceof PackagePartError && error.part.endsWith("cellXfs")) throw new PatchRefusal("too_many_styles");
        throw error;
      }
    }

    // The sheet and the parts it links to, under free names.
    const sheetPart = freePartName(this.names, `${this.folder()}worksheets/sheet`, ".xml");
    await this.moveParts(rendered, source.sheetPart, sheetPart, (xml) => sheetXml(xml, source.sharedStrings, cellFormats, differentialFormats));
    const relId = this.addWorkbookRelationship(REL_TYPE.worksheet, sheetPart);

    // The workbook's entry for it, and its print titles (local to it: the new sheet's index).
    const sheetTag = this.sheetTag(name, relId);
    this.workbook = insertChild(this.workbook, "sheets", [sheetTag], AFTER_SHEETS);
    const localNames = source.definedNames.map((element) => element.replace(/^<[^>]*>/, (start) => setAttribute(start, "localSheetId", String(this.sheetCount))));
    if (localNames.length > 0) this.workbook = insertChild(this.workbook, "definedNames", localNames, AFTER_DEFINED_NAMES);
    this.sheetCount++;
    return name;
  }

  /** Whether the workbook part's content type is the macro-enabled one (application/vnd.ms-excel.sheet.macroEnabled.main+xml). */
  macroEnabled(): boolean {
    return /macroEnabled/i.test(this.contentTypes.typeOf(this.workbookPart) ?? "");
  }

  /** Writes back what changed: the workbook part, its relationships, the styles, the content types. */
  async finish(): Promise<void> {
    this.put(this.entryName(this.workbookPart), this.workbook);
    this.put(this.entryName(relsPathOf(this.workbookPart)), this.workbookRels);
    if (this.stylesPart !== null && this.styles !== null) this.put(this.entryName(this.stylesPart), this.styles);
    this.put(this.entryName("[Content_Types].xml"), this.contentTypes.toString());
  }

  /** Writes a part (no folder entries added: a package has none of its own). */
  private put(name: string, data: string | Uint8Array): void {
    this.zip.file(name, data, { createFolders: false });
  }

  /**
   * Copies a part of the rendered workbook into the target under `name`, with the parts its
   * relationships name (each under a free name of the same stem), its relationships' targets
   * rewritten and their content types added; `transform` changes the part's own text.
   */
  private async moveParts(source: JSZip, sourcePart: string, name: string, transform: (xml: string) => string): Promise<void> {
    const sourceTypes = ContentTypes.parse((await partText(source, "[Content_Types].xml")) ?? "");
    const type = sourceTypes.typeOf(sourcePart);
    if (type === null) throw new PackagePartError("invalid_part", sourcePart);
    const relsXml = await partText(source, relsPathOf(sourcePart));
    let rels = relsXml;
    if (relsXml !== null) {
      for (const rel of parseRelationships(sourcePart, relsXml)) {
        if (rel.part === null) continue;
        const stem = rel.part.replace(/^xl\//, this.folder()).replace(/\d*(\.[^./]+)$/, "");
        const extension = /\.[^./]+$/.exec(rel.part)?.[0] ?? "";
        const moved = freePartName(this.names, stem, extension);
        await this.moveParts(source, rel.part, moved, (xml) => (rel.type === REL_TYPE.table ? this.tableXml(xml) : xml));
        rels = (rels ?? "").replace(/<(?:[\w.-]+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) =>
          attribute(tag, "Id") === rel.id ? setAttribute(tag, "Target", relativeTarget(name, moved)) : tag,
        );
      }
    }
    const file = findPart(source, sourcePart);
    if (file === null) throw new PackagePartError("missing_part", sourcePart);
    if (/\.(xml|rels|vml)$/i.test(sourcePart)) this.put(name, transform(await file.async("string")));
    else this.put(name, await file.async("uint8array"));
    if (rels !== null) this.put(relsPathOf(name), rels);
    this.contentTypes.add(name, type);
  }

  /** A table part with an id free in the workbook (Excel requires them unique). */
  private tableXml(xml: string): string {
    const table = findElement(xml, "table");
    if (table === null) throw new PackagePartError("invalid_part", "table");
    const startTag = setAttribute(table.startTag, "id", String(this.nextTableId++));
    return `${xml.slice(0, table.start)}${startTag}${xml.slice(table.contentStart)}`;
  }

  private addWorkbookRelationship(type: string, part: string): string {
    const added = addRelationships(this.workbookRels === "" ? null : this.workbookRels, [{ type, target: relativeTarget(this.workbookPart, part) }]);
    this.workbookRels = added.xml;
    return added.ids[0];
  }

  /** <sheet name="…" sheetId="…" r:id="…"/>, with the prefix the workbook part gives the relationships' namespace. */
  private sheetTag(name: string, relId: string): string {
    // Only a declaration on the root is in scope for the new element (openpyxl declares it on each <sheet>).
    const relPrefix = namespacePrefix(findElement(this.workbook, "workbook")?.startTag ?? "", NS.rel);
    const declared = relPrefix !== null && relPrefix !== "";
    const id = declared ? `${relPrefix}:id` : "r:id";
    return `<sheet name="${escapeXml(name)}" sheetId="${this.nextSheetId++}"${declared ? "" : ` xmlns:r="${NS.rel}"`} ${id}="${escapeXml(relId)}"/>`;
  }

  /** The folder of the workbook part ("xl/"), where its sheets, styles and tables go. */
  private folder(): string {
    return this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1);
  }

  /** The zip entry of a part as the package stores it ("/xl/…" in some packages). */
  private entryName(part: string): string {
    return findPart(this.zip, part)?.name ?? part;
  }
}

/** What the patch takes from the one-sheet workbook ExcelJS wrote. */
class SourceSheet {
  private constructor(
    readonly sheetPart: string,
    readonly styles: string,
    readonly sharedStrings: readonly string[],
    /** Its defined names (print titles), each local to the sheet. */
    readonly definedNames: readonly string[],
  ) {}

  static async read(zip: JSZip): Promise<SourceSheet> {
    const workbook = (await partText(zip, "xl/workbook.xml")) ?? "";
    const rels = parseRelationships("xl/workbook.xml", (await partText(zip, "xl/_rels/workbook.xml.rels")) ?? "");
    const sheetRel = rels.find((r) => r.type === REL_TYPE.worksheet);
    const stylesRel = rels.find((r) => r.type === REL_TYPE.styles);
    const stringsRel = rels.find((r) => r.type === REL_TYPE.sharedStrings);
    const sheetPart = sheetRel?.part ?? null;
    const stylesPart = stylesRel?.part ?? null;
    if (sheetPart === null || stylesPart === null) throw new PackagePartError("missing_part", "rendered sheet");
    const styles = (await partText(zip, stylesPart)) ?? "";
    const stringsPart = stringsRel?.part ?? null;
    // The workbook ExcelJS just wrote holds the report's texts: as large as the report, never a bomb.
    const strings = stringsPart === null ? "" : ((await partText(zip, stringsPart, Number.POSITIVE_INFINITY)) ?? "");
    const sharedStrings = [...strings.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
    const definedNamesElement = findElement(workbook, "definedNames");
    const definedNames = definedNamesElement === null ? [] : childElements(workbook, definedNamesElement).map((c) => c.xml);
    return new SourceSheet(sheetPart, styles, sharedStrings, definedNames);
  }

  /** Identity mappings, when the source's styles become the target's. */
  identityCellFormats(): number[] {
    const list = findElement(this.styles, "cellXfs");
    return list === null ? [] : childElements(this.styles, list).map((_, i) => i);
  }

  identityDifferentialFormats(): number[] {
    const list = findElement(this.styles, "dxfs");
    return list === null ? [] : childElements(this.styles, list).map((_, i) => i);
  }
}

/** Days from 1900-01-00 to 1904-01-01: a 1900-system serial minus this is the 1904-system serial of the same day. */
const DAYS_1900_TO_1904 = 1462;

/** A draft's dates as serials of the 1904 date system (ECMA-376-1 §18.17.4.1). */
function in1904System(draft: SheetDraft): SheetDraft {
  return {
    ...draft,
    rows: draft.rows.map((row) => row.map((cell) => (cell !== null && cell.kind === "date" ? { ...cell, serial: cell.serial - DAYS_1900_TO_1904 } : cell))),
  };
}

/** The draft rendered by ExcelJS in a workbook of its own, completed (links within the workbook, merges, charts). */
async function renderAlone(name: string, draft: SheetDraft, tableNames: Set<string>): Promise<JSZip> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(name);
  renderDraft(sheet, draft, tableNames, { excelEscapes: true });
  // Stored, not deflated: the workbook is unzipped at once (its new parts are deflated in the target).
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  await completePackage(zip, [{ sheet: name, draft }]);
  return zip;
}

/**
 * The rendered sheet's text for the target: its texts as inline strings, its cell formats and
 * differential formats renumbered, not selected (the workbook opens on the sheet it opened on:
 * selecting another would need the selected sheet's own part changed).
 */
function sheetXml(xml: string, sharedStrings: readonly string[], cellFormats: readonly number[], differentialFormats: readonly number[]): string {
  const style = (value: string): string => String(cellFormats[Number(value)] ?? 0);
  return xml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_whole, attributes: string, _end: string, content: string | undefined) => {
      let start = attributes.replace(/\ss="(\d+)"/, (_, value: string) => ` s="${style(value)}"`);
      if (content === undefined || !/\st="s"/.test(start)) return `<c${start}${content === undefined ? "/>" : `>${content}</c>`}`;
      const index = Number(/<v>(\d+)<\/v>/.exec(content)?.[1]);
      start = start.replace(/\st="s"/, ' t="inlineStr"');
      return `<c${start}><is>${sharedStrings[index] ?? "<t></t>"}</is></c>`;
    })
    .replace(/<row\b[^>]*>/g, (tag) => tag.replace(/\ss="(\d+)"/, (_, value: string) => ` s="${style(value)}"`))
    .replace(/<col\b[^>]*>/g, (tag) => tag.replace(/\sstyle="(\d+)"/, (_, value: string) => ` style="${style(value)}"`))
    .replace(/\sdxfId="(\d+)"/g, (_, value: string) => ` dxfId="${differentialFormats[Number(value)] ?? 0}"`)
    .replace(/(<sheetView\b[^>]*?)\stabSelected="1"/g, "$1");
}

/**
 * A part with children added to its child element `name` (created where the schema wants it, before
 * the first of `after` the part has, when it has none).
 */
function insertChild(xml: string, name: string, children: readonly string[], after: readonly string[]): string {
  const root = findElement(xml, "workbook");
  if (root === null) throw new PackagePartError("invalid_part", "workbook");
  const prefixed = children.map((child) => withPrefix(child, root.prefix));
  const rootChildren = childElements(xml, root);
  const existing = rootChildren.find((child) => child.localName === name);
  if (existing !== undefined) {
    const element = findElement(xml, name, existing.start) as ElementSpan;
    return appendChildren(xml, element, prefixed, childElements(xml, element).length + prefixed.length);
  }
  const next = rootChildren.find((child) => after.includes(child.localName));
  const at = next?.start ?? root.contentEnd;
  const tag = qualified(root.prefix, name);
  return `${xml.slice(0, at)}<${tag}>${prefixed.join("")}</${tag}>${xml.slice(at)}`;
}
