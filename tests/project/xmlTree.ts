/**
 * A small ordered view of an XML document (fast-xml-parser with preserveOrder), enough to check a
 * manifest the way its XSD schemas do: which children, in which order, how many times.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

type OrderedEntry = Record<string, unknown>;

function isEntryList(value: unknown): value is OrderedEntry[] {
  return Array.isArray(value);
}

function toNode(entry: OrderedEntry): XmlNode | null {
  const name = Object.keys(entry).find((key) => key !== ":@");
  if (name === undefined || name === "#text" || name === "?xml") return null;
  const rawAttributes = entry[":@"];
  const attributes: Record<string, string> = {};
  if (typeof rawAttributes === "object" && rawAttributes !== null) {
    for (const [key, value] of Object.entries(rawAttributes)) attributes[key.replace(/^@_/, "")] = String(value);
  }
  const content = entry[name];
  const list = isEntryList(content) ? content : [];
  const children = list.map(toNode).filter((node): node is XmlNode => node !== null);
  const text = list
    .map((child) => child["#text"])
    .filter((value) => value !== undefined)
    .map(String)
    .join("")
    .trim();
  return { name, attributes, children, text };
}

/** The document's root element; throws when the text is not well-formed XML. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML mal formé : ${valid.err.msg} (ligne ${valid.err.line})`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", preserveOrder: true, parseAttributeValue: false, parseTagValue: false });
  const entries: unknown = parser.parse(xml);
  if (!isEntryList(entries)) throw new Error("XML : contenu inattendu");
  const roots = entries.map(toNode).filter((node): node is XmlNode => node !== null);
  if (roots.length !== 1) throw new Error(`XML : ${roots.length} éléments racines`);
  return roots[0];
}

/** One element of an xs:sequence: its name and how many times it may occur. */
export interface SequenceItem {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** Shorthands: "Id" (exactly once), "AlternateId?" (0–1), "Control+" (1–n), "OfficeTab*" (0–n). */
export function sequence(...items: string[]): SequenceItem[] {
  return items.map((item) => {
    const mark = item.slice(-1);
    const name = item.replace(/[?+*]$/, "");
    if (mark === "?") return { name, min: 0, max: 1 };
    if (mark === "+") return { name, min: 1, max: Infinity };
    if (mark === "*") return { name, min: 0, max: Infinity };
    return { name, min: 1, max: 1 };
  });
}

/**
 * What is wrong with the children of `node` against an xs:sequence: unknown children, children out
 * of order, too few or too many of one. Empty when the children match.
 */
export function sequenceProblems(node: XmlNode, expected: readonly SequenceItem[], where = node.name): string[] {
  const problems: string[] = [];
  let position = 0;
  const counts = new Map<string, number>();
  for (const child of node.children) {
    const index = expected.findIndex((item) => item.name === child.name);
    if (index === -1) {
      problems.push(`${where} : élément inattendu <${child.name}>`);
      continue;
    }
    counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    if (index < position) {
      problems.push(`${where} : <${child.name}> doit venir avant <${expected[position].name}>`);
      continue;
    }
    position = index;
  }
  for (const item of expected) {
    const count = counts.get(item.name) ?? 0;
    if (count < item.min) problems.push(`${where} : <${item.name}> manquant`);
    if (count > item.max) problems.push(`${where} : <${item.name}> ${count} fois (au plus ${item.max})`);
  }
  return problems;
}

/** The children of `node` with that name. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

/** The only child of `node` with that name; throws when there is none or several. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = childrenNamed(node, name);
  if (found.length !== 1) throw new Error(`<${node.name}> a ${found.length} <${name}>`);
  return found[0];
}

/** Follows a path of child names from `node`. */
export function at(node: XmlNode, ...path: string[]): XmlNode {
  return path.reduce(child, node);
}

/** Every element below `node` (itself included), depth first, with the names of its ancestors. */
export function walk(node: XmlNode, ancestors: readonly XmlNode[] = []): { node: XmlNode; ancestors: readonly XmlNode[] }[] {
  return [{ node, ancestors }, ...node.children.flatMap((c) => walk(c, [...ancestors, node]))];
}
