/**
 * pdf.js for Node (the CLI, the tests): pdfjs-dist's legacy build, the one meant for older
 * runtimes (its modern build wants newer APIs than Node 20 has, and pdfjs-dist 5.7 and later want
 * Node 22). pdfjs-dist is ES modules only; it is loaded with Node's own require (Node ≥ 20.19
 * loads an ES module with require). Jest's module registry cannot (before Node 24.9): its tests
 * pass Node's own require as `nodeRequire` (tests/pdf/pdfjsEnvironment.cjs). In Node pdf.js runs
 * without a worker.
 *
 * On loading, pdf.js 5.6 requires the optional package @napi-rs/canvas (a native binary, for
 * rendering, which this project does not do) to polyfill DOMMatrix, ImageData and Path2D, which
 * Node lacks; without it, it prints "Warning: …" lines (console.warn) and then fails on its
 * first line that builds a DOMMatrix (`const SCALE_MATRIX = new DOMMatrix()`, at load time). So
 * that text extraction does not depend on that binary (absent where npm was told to omit
 * optional packages, or where no prebuilt binary exists for the platform), a small 2-D DOMMatrix
 * is defined first when Node has none; the lines pdf.js prints while loading are kept in
 * `loadWarnings` instead of reaching the CLI's output.
 */
import { createRequire } from "node:module";
import type * as Pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { PdfjsLike } from "./pdfText";

export const PDFJS_NODE_MODULE = "pdfjs-dist/legacy/build/pdf.mjs";

let loaded: { pdfjs: PdfjsLike; warnings: readonly string[] } | null = null;

/**
 * A 2-D affine matrix [a b c d e f] with the part of DOMMatrix's interface pdf.js's display
 * layer calls; text extraction only builds one at load time. Not a full DOMMatrix (no 3-D).
 */
export class DomMatrix2d {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: readonly number[] | DomMatrix2d) {
    if (init instanceof DomMatrix2d) this.setSelf(init.a, init.b, init.c, init.d, init.e, init.f);
    else if (init !== undefined && init.length === 6) this.setSelf(init[0], init[1], init[2], init[3], init[4], init[5]);
    else if (init !== undefined) throw new TypeError("DomMatrix2d: 6 numbers expected");
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private setSelf(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  /** this × other (other applied first). */
  multiplySelf(other: DomMatrix2d): this {
    const { a, b, c, d, e, f } = this;
    return this.setSelf(a * other.a + c * other.b, b * other.a + d * other.b, a * other.c + c * other.d, b * other.c + d * other.d, a * other.e + c * other.f + e, b * other.e + d * other.f + f);
  }

  /** other × this. */
  preMultiplySelf(other: DomMatrix2d): this {
    const product = new DomMatrix2d(other).multiplySelf(this);
    return this.setSelf(product.a, product.b, product.c, product.d, product.e, product.f);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new DomMatrix2d([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new DomMatrix2d([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) return this.setSelf(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.setSelf(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }

  multiply(other: DomMatrix2d): DomMatrix2d {
    return new DomMatrix2d(this).multiplySelf(other);
  }

  translate(tx = 0, ty = 0): DomMatrix2d {
    return new DomMatrix2d(this).translateSelf(tx, ty);
  }

  scale(sx = 1, sy = sx): DomMatrix2d {
    return new DomMatrix2d(this).scaleSelf(sx, sy);
  }

  inverse(): DomMatrix2d {
    return new DomMatrix2d(this).invertSelf();
  }
}

/**
 * Loads pdf.js once per process (`nodeRequire` is used the first time only).
 * @example const result = await pdfText(bytes, { pdfjs: loadPdfjsForNode() });
 */
export function loadPdfjsForNode(nodeRequire: (id: string) => unknown = createRequire(__filename)): PdfjsLike {
  if (loaded !== null) return loaded.pdfjs;
  const warnings: string[] = [];
  const { log, warn } = console;
  console.log = console.warn = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(" "));
  };
  const global = globalThis as unknown as { DOMMatrix?: unknown };
  if (global.DOMMatrix === undefined) global.DOMMatrix = DomMatrix2d;
  try {
    const module = nodeRequire(PDFJS_NODE_MODULE) as typeof Pdfjs;
    const pdfjs: PdfjsLike = module;
    loaded = { pdfjs, warnings };
    return pdfjs;
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

/** What pdf.js printed while loading (its warnings about @napi-rs/canvas when that package is absent). */
export function loadWarnings(): readonly string[] {
  return loaded?.warnings ?? [];
}
