/**
 * The package around a workbook's parts (Open Packaging Conventions, ECMA-376 part 2): where a
 * part's relationships are, what a relationship's target names, the content type of a part, a free
 * name for a new part. Part names are zip entry names without the leading "/"; they are compared
 * without case, as OPC compares them (ECMA-376-2 §6.2.2.3).
 */
import JSZip from "jszip";
import { appendChildren, attribute, childElements, escapeXml, findElement, withPrefix, xmlDeclaration } from "./xmlText";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
};

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  hyperlink: `${NS.rel}/hyperlink`,
  table: `${NS.rel}/table`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** The part it names (null for an external target: a web link, a file elsewhere). */
  readonly part: string | null;
}

/**
 * "xl/worksheets/sheet3.xml" → "xl/worksheets/_rels/sheet3.xml.rels"; "" (the package) → "_rels/.rels".
 * @example relsPathOf("xl/workbook.xml") // "xl/_rels/workbook.xml.rels"
 */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship's target names, from the part that holds the relationship: an absolute
 * target ("/xl/drawings/drawing1.xml", as openpyxl writes) or one relative to the source's folder
 * ("../drawings/drawing1.xml", as Excel writes).
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml") // "xl/tables/table1.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = target.split("#")[0];
  const segments = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(decodeURIComponentSafe(segment));
  }
  return segments.join("/");
}

/**
 * The relative target from one part to another, as Excel writes it.
 * @example relativeTarget("xl/worksheets/sheet7.xml", "xl/tables/table3.xml") // "../tables/table3.xml"
 */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].map((s) => (s === ".." ? s : encodeURI(s))).join("/");
}

/** The relationships of a part from its .rels text. */
export function parseRelationships(sourcePart: string, relsXml: string): Relationship[] {
  return (relsXml.match(/<(?:[\w.-]+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g) ?? []).flatMap((tag) => {
    const id = attribute(tag, "Id");
    const type = attribute(tag, "Type");
    const target = attribute(tag, "Target");
    if (id === null || type === null || target === null) return [];
    const external = attribute(tag, "TargetMode") === "External";
    return [{ id, type, target, part: external ? null : resolveTarget(sourcePart, target) }];
  });
}

/** A relationship element. */
export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/** A whole .rels part. */
export function relationshipsXml(list: readonly string[]): string {
  return xmlDeclaration(`<Relationships xmlns="${NS.packageRel}">${list.join("")}</Relationships>`);
}

/**
 * A .rels text with relationships added (a new part when there was none); their ids are made free
 * in it from `wanted` ("rId7", "rId8"…).
 */
export function addRelationships(relsXml: string | null, added: readonly { readonly type: string; readonly target: string }[], wanted = "rId"): { xml: string; ids: string[] } {
  const taken = new Set(parseRelationships("", relsXml ?? "").map((r) => r.id.toLowerCase()));
  let n = 1;
  const ids = added.map(() => {
    while (taken.has(`${wanted}${n}`.toLowerCase())) n++;
    taken.add(`${wanted}${n}`.toLowerCase());
    return `${wanted}${n}`;
  });
  const tags = added.map((r, i) => relationshipXml(ids[i], r.type, r.target));
  if (relsXml === null) return { xml: relationshipsXml(tags), ids };
  const root = findElement(relsXml, "Relationships");
  if (root === null) throw new PackagePartError("invalid_part", "relationships");
  return { xml: appendChildren(relsXml, root, tags.map((t) => withPrefix(t, root.prefix)), null), ids };
}

/** [Content_Types].xml: the type of each part, by name (Override) or by extension (Default). */
export class ContentTypes {
  private constructor(
    private xml: string,
    private readonly overrides: Map<string, string>,
    private readonly defaults: Map<string, string>,
  ) {}

  static parse(xml: string): ContentTypes {
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    const root = findElement(xml, "Types");
    if (root === null) throw new PackagePartError("invalid_part", "[Content_Types].xml");
    for (const child of childElements(xml, root)) {
      const type = attribute(child.xml, "ContentType");
      if (type === null) continue;
      const partName = attribute(child.xml, "PartName");
      const extension = attribute(child.xml, "Extension");
      if (child.localName === "Override" && partName !== null) overrides.set(partName.replace(/^\//, "").toLowerCase(), type);
      if (child.localName === "Default" && extension !== null) defaults.set(extension.toLowerCase(), type);
    }
    return new ContentTypes(xml, overrides, defaults);
  }

  /** The content type of a part (its Override, else its extension's Default); null when neither. */
  typeOf(part: string): string | null {
    const override = this.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf(".");
    return dot < 0 ? null : (this.defaults.get(part.slice(dot + 1).toLowerCase()) ?? null);
  }

  /** The parts given a type by name. */
  partsOfType(type: string): string[] {
    return [...this.overrides].filter(([, t]) => t === type).map(([part]) => part);
  }

  /** Gives a new part its type: by name, unless its extension's Default already says it. */
  add(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    const root = findElement(this.xml, "Types");
    if (root === null) throw new PackagePartError("invalid_part", "[Content_Types].xml");
    this.xml = appendChildren(this.xml, root, [withPrefix(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`, root.prefix)], null);
    this.overrides.set(part.toLowerCase(), type);
  }

  toString(): string {
    return this.xml;
  }
}

/** A part that cannot be read or kept as the package needs it. */
export class PackagePartError extends Error {
  constructor(
    readonly code: "missing_part" | "invalid_part" | "part_too_large",
    readonly part: string,
  ) {
    super(`${code}: ${part}`);
    this.name = "PackagePartError";
  }
}

/**
 * The names of a package's parts, lower-cased, for freePartName.
 */
export function partNames(zip: JSZip): Set<string> {
  return new Set(Object.keys(zip.files).map((name) => name.replace(/^\//, "").toLowerCase()));
}

/**
 * A name for a new part, "folder/base{n}.ext" with the first n not in `taken` (lower-cased names,
 * see partNames), which the new name joins.
 * @example freePartName(new Set(["xl/worksheets/sheet1.xml"]), "xl/worksheets/sheet", ".xml") // "xl/worksheets/sheet2.xml"
 */
export function freePartName(taken: Set<string>, stem: string, extension: string): string {
  let n = 1;
  while (taken.has(`${stem}${n}${extension}`.toLowerCase())) n++;
  const name = `${stem}${n}${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The text of a part (UTF-8), or null when the package has no such part; names are compared without
 * case. A part that inflates past `limit` bytes is refused (PackagePartError "part_too_large").
 */
export async function partText(zip: JSZip, part: string, limit = MAX_PART_BYTES): Promise<string | null> {
  const file = findPart(zip, part);
  if (file === null) return null;
  // Inflated chunk by chunk and stopped past the limit: a part that inflates to gigabytes is refused, never held.
  const stream = file.nodeStream("nodebuffer");
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      size += bytes.length;
      if (size <= limit) {
        chunks.push(bytes);
        return;
      }
      stream.removeListener("data", onData);
      stream.pause();
      reject(new PackagePartError("part_too_large", part));
    };
    stream.on("data", onData);
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The most a part read as text may inflate to: far above the index parts of any real workbook (a
 * styles part of 60 000 formats is about 10 MB), far below what would exhaust the memory.
 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The zip entry of a part, by name without case ("/xl/…" entries too, as some writers store them). */
export function findPart(zip: JSZip, part: string): JSZip.JSZipObject | null {
  const exact = zip.file(part);
  if (exact !== null) return exact;
  const matches = zip.file(new RegExp(`^/?${escapeRegExpText(part)}$`, "i"));
  return matches[0] ?? null;
}

function escapeRegExpText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
