/**
 * The looks of a sheet moved from one workbook's styles part into another's: what the new sheet
 * uses is appended to the target's lists (number formats, fonts, fills, borders, cell formats,
 * differential formats), never reordering nor changing an entry it had, so that every cell of the
 * target keeps its look. An entry the target already has, written the same, is used as it is.
 * Index 0 of fonts, borders and cell formats, and 0–1 of fills (the defaults Excel requires) are the
 * target's own: a cell without a look of its own takes the target's default, as any new cell does.
 */
import { ChildElement, ElementSpan, appendChildren, attribute, childElements, findElement, removeAttribute, setAttribute, withPrefix } from "./xmlText";
import { PackagePartError } from "./opcPackage";

/** Excel's first number format id of a workbook's own (ids below are built in). */
const FIRST_CUSTOM_FORMAT = 164;
/** Excel keeps at most 64 000 cell formats in a workbook (Excel specifications and limits). */
export const MAX_CELL_FORMATS = 64_000;

/** Where each of the source's cell formats (s="…") and differential formats (dxfId) went in the target. */
export interface StyleMapping {
  /** The target's styles part, with what was appended. */
  readonly xml: string;
  /** Source cell format index → target index. */
  readonly cellFormats: readonly number[];
  /** Source differential format index → target index. */
  readonly differentialFormats: readonly number[];
}

/** The lists of a styles part, in the order CT_Stylesheet has them. */
const LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type ListName = (typeof LISTS)[number];

/**
 * Appends to `target` (a styles part) what the cell formats and differential formats of `source`
 * need, and says where each went.
 * @example mergeStyles(targetXml, sourceXml).cellFormats[3] // the index in the target of the source's 4th cell format
 */
export function mergeStyles(target: string, source: string): StyleMapping {
  const from = readLists(source);
  const into = new StylesBuilder(target);

  const formatIds = new Map<number, number>();
  const formatCodes = new Map<string, number>();
  for (const numFmt of into.children("numFmts")) {
    const id = Number(attribute(numFmt.xml, "numFmtId"));
    const code = attribute(numFmt.xml, "formatCode");
    if (Number.isInteger(id) && code !== null && !formatCodes.has(code)) formatCodes.set(code, id);
  }
  let nextFormatId = Math.max(FIRST_CUSTOM_FORMAT - 1, ...[...formatCodes.values()]) + 1;
  for (const numFmt of from.numFmts) {
    const id = Number(attribute(numFmt.xml, "numFmtId"));
    const code = attribute(numFmt.xml, "formatCode");
    if (!Number.isInteger(id) || code === null || id < FIRST_CUSTOM_FORMAT) continue;
    let mapped = formatCodes.get(code);
    if (mapped === undefined) {
      mapped = nextFormatId++;
      formatCodes.set(code, mapped);
      into.append("numFmts", setAttribute(numFmt.xml, "numFmtId", String(mapped)));
    }
    formatIds.set(id, mapped);
  }
  const numFmtId = (id: number): number => formatIds.get(id) ?? id;

  const fonts = from.fonts.map((font, i) => (i === 0 ? 0 : into.use("fonts", font.xml)));
  const fills = from.fills.map((fill, i) => (i <= 1 ? i : into.use("fills", fill.xml)));
  const borders = from.borders.map((border, i) => (i === 0 ? 0 : into.use("borders", border.xml)));
  const hasCellStyles = into.children("cellStyleXfs").length > 0;

  const cellFormats = from.cellXfs.map((xf, i) => {
    if (i === 0) return 0;
    const tag = xf.xml.replace(/^<[^>]*>/, (start) => {
      let mapped = start;
      const remap = (name: string, map: (index: number) => number | undefined): void => {
        const value = attribute(mapped, name);
        if (value === null) return;
        const index = map(Number(value));
        if (index === undefined) throw new PackagePartError("invalid_part", "xl/styles.xml");
        mapped = setAttribute(mapped, name, String(index));
      };
      remap("numFmtId", numFmtId);
      remap("fontId", (n) => fonts[n]);
      remap("fillId", (n) => fills[n]);
      remap("borderId", (n) => borders[n]);
      return hasCellStyles ? setAttribute(mapped, "xfId", "0") : removeAttribute(mapped, "xfId");
    });
    return into.use("cellXfs", tag);
  });
  if (into.children("cellXfs").length > MAX_CELL_FORMATS) throw new PackagePartError("invalid_part", "xl/styles.xml: cellXfs");

  const differentialFormats = from.dxfs.map((dxf) => into.use("dxfs", dxf.xml));
  return { xml: into.toString(), cellFormats, differentialFormats };
}

/** The lists of a styles part (children of its root, never an element of the same name deeper in). */
function listElements(xml: string): Map<ListName, ElementSpan> {
  const root = findElement(xml, "styleSheet");
  if (root === null) throw new PackagePartError("invalid_part", "xl/styles.xml");
  const lists = new Map<ListName, ElementSpan>();
  for (const child of childElements(xml, root)) {
    const name = LISTS.find((list) => list === child.localName);
    const element = name === undefined || lists.has(name) ? null : findElement(xml, name, child.start);
    if (name !== undefined && element !== null) lists.set(name, element);
  }
  return lists;
}

/** A styles part's lists, each as its children. */
function readLists(xml: string): Record<ListName, ChildElement[]> {
  const elements = listElements(xml);
  const lists = {} as Record<ListName, ChildElement[]>;
  for (const name of LISTS) {
    const element = elements.get(name);
    lists[name] = element === undefined ? [] : childElements(xml, element);
  }
  return lists;
}

/** The target's styles part, its lists read once, what is appended kept aside and written at the end. */
class StylesBuilder {
  private readonly lists: Record<ListName, ChildElement[]>;
  /** Each list's entries (as written in the target's prefix) → their first index, for reuse. */
  private readonly known = new Map<ListName, Map<string, number>>();
  private readonly appended = new Map<ListName, string[]>();
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    const root = findElement(xml, "styleSheet");
    if (root === null) throw new PackagePartError("invalid_part", "xl/styles.xml");
    this.prefix = root.prefix;
    this.lists = readLists(xml);
  }

  children(list: ListName): readonly ChildElement[] {
    return this.lists[list];
  }

  /** Appends an entry unless the list has it written the same; its index either way. */
  use(list: ListName, fragment: string): number {
    const entry = withPrefix(fragment, this.prefix);
    let known = this.known.get(list);
    if (known === undefined) {
      known = new Map();
      this.lists[list].forEach((child, i) => {
        if (!known?.has(child.xml)) known?.set(child.xml, i);
      });
      this.known.set(list, known);
    }
    const found = known.get(entry);
    if (found !== undefined) return found;
    const index = this.lists[list].length + (this.appended.get(list)?.length ?? 0);
    this.append(list, fragment);
    known.set(entry, index);
    return index;
  }

  append(list: ListName, fragment: string): void {
    const appended = this.appended.get(list) ?? [];
    appended.push(withPrefix(fragment, this.prefix));
    this.appended.set(list, appended);
  }

  /** The part with each list's new entries at its end (a list the part lacked is added where the schema wants it). */
  toString(): string {
    let xml = this.xml;
    // From the last list to the first, so that the positions found stay right.
    for (const name of [...LISTS].reverse()) {
      const added = this.appended.get(name);
      if (added === undefined || added.length === 0) continue;
      const count = this.lists[name].length + added.length;
      const elements = listElements(xml);
      const element = elements.get(name);
      if (element !== undefined) {
        xml = appendChildren(xml, element, added, count);
        continue;
      }
      const tag = this.prefix === "" ? name : `${this.prefix}:${name}`;
      const next = LISTS.slice(LISTS.indexOf(name) + 1).flatMap((list) => elements.get(list) ?? [])[0];
      const root = findElement(xml, "styleSheet");
      if (root === null || root.selfClosing) throw new PackagePartError("invalid_part", "xl/styles.xml");
      const at = next?.start ?? root.contentEnd;
      xml = `${xml.slice(0, at)}<${tag} count="${count}">${added.join("")}</${tag}>${xml.slice(at)}`;
    }
    return xml;
  }
}
