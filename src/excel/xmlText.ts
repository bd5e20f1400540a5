/**
 * The little XML the package writers need, done on the text itself so that everything else in a
 * part stays as it was, byte for byte: find an element, list its children, read or set an
 * attribute, add children in the element's own namespace prefix. Each function is one linear scan;
 * none builds a tree. The parts it is used on are well-formed OOXML (a part that is not makes the
 * caller refuse the file), never a DTD: entities other than XML's five and character references are
 * not expanded.
 */

/** Where an element is in a text: its start tag, its content and its end. */
export interface ElementSpan {
  readonly localName: string;
  /** The element's namespace prefix ("" for none): children added take the same. */
  readonly prefix: string;
  /** Index of "<" of the start tag. */
  readonly start: number;
  /** Index just after the start tag's ">". */
  readonly contentStart: number;
  /** Index of "<" of the end tag (= contentStart for an empty element written "<x/>"). */
  readonly contentEnd: number;
  /** Index just after the element. */
  readonly end: number;
  /** The start tag as written. */
  readonly startTag: string;
  readonly selfClosing: boolean;
}

/** One tag, a comment, a processing instruction or a CDATA section (skipped as a whole). */
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * The first element named `localName` (any prefix) at or after `from`, with its end; null when
 * there is none. Elements of that name nested in it (none in the parts this is used on) are not
 * looked for.
 * @example findElement('<a><b x="1"/></a>', "b")?.startTag // '<b x="1"/>'
 */
export function findElement(xml: string, localName: string, from = 0): ElementSpan | null {
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>`, "g");
  open.lastIndex = from;
  const found = open.exec(xml);
  if (found === null) return null;
  const prefix = (found[1] ?? "").replace(/:$/, "");
  const start = found.index;
  const contentStart = start + found[0].length;
  if (found[3] === "/") return { localName, prefix, start, contentStart, contentEnd: contentStart, end: contentStart, startTag: found[0], selfClosing: true };
  const close = new RegExp(`</${escapeRegExp(qualified(prefix, localName))}\\s*>`, "g");
  close.lastIndex = contentStart;
  const closing = close.exec(xml);
  if (closing === null) return null;
  const contentEnd = closing.index;
  const end = contentEnd + closing[0].length;
  return { localName, prefix, start, contentStart, contentEnd, end, startTag: found[0], selfClosing: false };
}

/** A child element of a container: its local name and its text from "<" to its end. */
export interface ChildElement {
  readonly localName: string;
  readonly xml: string;
  /** Index of its "<" in the text. */
  readonly start: number;
}

/**
 * The child elements of an element, in order (text, comments and instructions between them left out).
 * @example childElements("<fonts><font><b/></font><font/></fonts>", findElement("<fonts><font><b/></font><font/></fonts>", "fonts")!).map((c) => c.xml) // ["<font><b/></font>", "<font/>"]
 */
export function childElements(xml: string, element: ElementSpan): ChildElement[] {
  const children: ChildElement[] = [];
  const token = new RegExp(TOKEN.source, "g");
  token.lastIndex = element.contentStart;
  let depth = 0;
  let childStart = -1;
  let childName = "";
  for (let match = token.exec(xml); match !== null && match.index < element.contentEnd; match = token.exec(xml)) {
    const [text, closing, , localName, , selfClosing] = match;
    if (localName === undefined) continue; // comment, instruction, CDATA
    if (closing === "/") {
      depth--;
      if (depth === 0) children.push({ localName: childName, xml: xml.slice(childStart, match.index + text.length), start: childStart });
      continue;
    }
    if (depth === 0) {
      childStart = match.index;
      childName = localName;
      if (selfClosing === "/") {
        children.push({ localName, xml: text, start: match.index });
        continue;
      }
    }
    if (selfClosing !== "/") depth++;
  }
  return children;
}

/**
 * Children put at the end of an element (an empty "<x/>" is opened for them), with its `count`
 * attribute set when it has one.
 * @example appendChildren("<sheets/>", findElement("<sheets/>", "sheets")!, ['<sheet name="A"/>'], null) // '<sheets><sheet name="A"/></sheets>'
 */
export function appendChildren(xml: string, element: ElementSpan, children: readonly string[], count: number | null): string {
  let startTag = element.startTag;
  if (count !== null && attribute(startTag, "count") !== null) startTag = setAttribute(startTag, "count", String(count));
  const name = qualified(element.prefix, element.localName);
  if (element.selfClosing) {
    return `${xml.slice(0, element.start)}${startTag.replace(/\s*\/>$/, ">")}${children.join("")}</${name}>${xml.slice(element.end)}`;
  }
  return `${xml.slice(0, element.start)}${startTag}${xml.slice(element.contentStart, element.contentEnd)}${children.join("")}${xml.slice(element.contentEnd)}`;
}

/** "x" + "sheet" → "x:sheet"; "" + "sheet" → "sheet". */
export function qualified(prefix: string, localName: string): string {
  return prefix === "" ? localName : `${prefix}:${localName}`;
}

/**
 * An XML fragment written without prefixes, its elements given a namespace prefix (for a part
 * whose elements are written "x:sheet"): attributes keep theirs.
 * @example withPrefix('<font><b/></font>', "x") // '<x:font><x:b/></x:font>'
 */
export function withPrefix(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_whole, slash: string, name: string) => `<${slash}${prefix}:${name}`);
}

/**
 * An attribute's value in a start tag, XML entities decoded; null when the tag has none. `name`
 * is matched as written ("r:id").
 * @example attribute('<sheet name="A &amp; B" sheetId="3"/>', "name") // "A & B"
 */
export function attribute(tag: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match === null ? null : unescapeXml(match[1] ?? match[2]);
}

/** Each attribute's pattern, made once (a report reads the same few attributes of thousands of tags). */
const ATTRIBUTES = new Map<string, RegExp>();

/**
 * A start tag with an attribute set (replaced where it is, else added before the tag's end).
 * @example setAttribute('<table id="1" name="T"/>', "id", "7") // '<table id="7" name="T"/>'
 */
export function setAttribute(tag: string, name: string, value: string): string {
  const existing = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (existing.test(tag)) return tag.replace(existing, (_, before: string) => `${before}"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, (_, slash: string) => ` ${name}="${escapeXml(value)}"${slash}>`);
}

/** A start tag without an attribute. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/**
 * The prefix a part's root declares for a namespace (null when it declares none; "" when it is the default one).
 * @example namespacePrefix('<workbook xmlns="m" xmlns:r="rel">', "rel") // "r"
 */
export function namespacePrefix(xml: string, namespace: string): string | null {
  const match = new RegExp(`\\sxmlns(?::([\\w.-]+))?\\s*=\\s*["']${escapeRegExp(namespace)}["']`).exec(xml);
  return match === null ? null : (match[1] ?? "");
}

/** Text or an attribute's value with XML's five characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** XML's five entities and character references decoded (no other entity is expanded). */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (whole, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default: {
        const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/** The XML declaration Excel writes, before a part's text. */
export function xmlDeclaration(xml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A cell's text as Excel writes it in a part, before XML's own escaping: "_xHHHH_" in the text
 * itself escaped as "_x005F_xHHHH_", and each character XML cannot carry or would change (control
 * characters, CR, DEL, U+FFFE, U+FFFF) as "_xHHHH_", which Excel, LibreOffice and ExcelJS decode.
 * ExcelJS would drop them: written this way, the text reads back as it was.
 * @example excelText("a\u0007b_x0041_") // "a_x0007_b_x005F_x0041_"
 */
export function excelText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the characters Excel escapes
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
