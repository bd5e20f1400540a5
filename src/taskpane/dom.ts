/**
 * Building the pane's DOM: every text goes in through text nodes (textContent), never as HTML, so
 * that a title taken from the workbook such as "<img src=x onerror=…>" is shown as it is written.
 */

export type Children = readonly (Node | string)[];

export interface ElementOptions {
  readonly className?: string;
  readonly id?: string;
  readonly text?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An element with its class and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, options: ElementOptions = {}, children: Children = []): HTMLElementTagNameMap[K] {
  return fill(doc.createElement(tag), options, children);
}

/** A custom element (a Fluent UI web component), built the same way. */
export function custom(doc: Document, tag: `fluent-${string}`, options: ElementOptions = {}, children: Children = []): HTMLElement {
  return fill(doc.createElement(tag), options, children);
}

function fill<E extends HTMLElement>(node: E, options: ElementOptions, children: Children): E {
  if (options.className !== undefined) node.className = options.className;
  if (options.id !== undefined) node.id = options.id;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === "string" ? node.ownerDocument.createTextNode(child) : child);
  return node;
}
