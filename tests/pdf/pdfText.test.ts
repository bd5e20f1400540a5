/**
 * @jest-environment ./tests/pdf/pdfjsEnvironment.cjs
 */
/**
 * pdfText on PDFs made at test time (tests/fixtures/pdf/makePdfs.ts): the TEAM2 deliberation
 * printed by LibreOffice Writer, two CSS columns printed by Chromium, a scan (image only),
 * encrypted files (qpdf), a Markdown file named .pdf, a damaged file, and PDFs written by the
 * generator itself for the limits. The TEAM2 PDF's text, read by the core's extraction, gives
 * the values the Markdown gives.
 *
 * Needs libreoffice-writer, chromium, poppler-utils and qpdf (Debian): without one of them the
 * tests of the files it makes are skipped with a message, except under CI=true where its absence
 * is a failure. pdf.js is loaded with Node's own require (see pdfjsEnvironment.cjs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeliberationExtraction, extractDeliberation } from "../../src/core/deliberation/extractDeliberation";
import { DomMatrix2d, loadPdfjsForNode } from "../../src/pdf/loadPdfjsNode";
import { PdfTextItem, pageText, pdfLines } from "../../src/pdf/pdfLines";
import { PdfTextResult, PdfjsLike, joinPages, looksLikePdf, pdfText } from "../../src/pdf/pdfText";
import { Made, TEAM2_MD, TWO_COLUMN_PARAGRAPHS, TWO_COLUMN_TITLE, TestPdfs, makePdfs, simplePdf } from "../fixtures/pdf/makePdfs";

declare const nodeRequire: (id: string) => unknown;

const inCi = process.env.CI === "true";
const keep = process.env.PDF_FIXTURES_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), "registre-pdf-"));
let pdfs: TestPdfs;
let pdfjs: PdfjsLike;

beforeAll(() => {
  pdfjs = loadPdfjsForNode(nodeRequire);
  pdfs = makePdfs(dir);
  const missing = Object.entries(pdfs).flatMap(([name, made]: [string, Made | string]) => (typeof made === "string" || made.ok ? [] : [`${name} : ${made.reason}`]));
  if (missing.length > 0 && !inCi) console.log(`PDF de test non faits (tests ignorés) :\n  ${missing.join("\n  ")}`);
}, 300_000);

afterAll(() => {
  if (keep === undefined) rmSync(dir, { recursive: true, force: true });
});

/** The file's text result, or null (and the test passes, having said why) when it could not be made. */
async function read(made: Made): Promise<PdfTextResult | null> {
  if (!made.ok) {
    if (inCi) throw new Error(`PDF de test non fait sous CI : ${made.reason}`);
    return null;
  }
  return pdfText(new Uint8Array(readFileSync(made.path)), { pdfjs });
}

/** Whitespace made one space, for comparing a PDF's text (lines cut anywhere) with its source. */
function flat(text: string): string {
  return text
    .replace(/<sup>(.*?)<\/sup>/g, "$1")
    .replace(/\*+/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

function textOf(result: PdfTextResult | null): string | null {
  if (result === null) return null;
  if (result.kind !== "text") throw new Error(`texte attendu, reçu ${JSON.stringify(result)}`);
  return joinPages(result.pages);
}

describe("pdfLines: lines rebuilt from text items", () => {
  const item = (str: string, x: number, y: number, width: number, size = 12, hasEOL = false): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size, hasEOL });

  test("items on one baseline make one line, with a space where they are apart and none where they touch", () => {
    const lines = pdfLines([item("Pôle TEAM", 50, 700, 60), item("2", 110, 704, 5, 7), item("pour", 118, 700, 24), item("une", 145, 700, 18)]);
    expect(lines.map((l) => l.text)).toEqual(["Pôle TEAM2 pour une"]);
  });

  test("a lower baseline, hasEOL, or an item far to the left starts a new line", () => {
    const lines = pdfLines([item("un", 50, 700, 12, 12, true), item("deux", 62, 700, 20), item("trois", 50, 686, 25), item("quatre", 300, 686, 30), item("cinq", 50, 686, 20)]);
    expect(lines.map((l) => l.text)).toEqual(["un", "deux", "trois quatre", "cinq"]);
  });

  test("a gap wider than the usual line spacing is a new paragraph; a jump upwards (next column) a line break", () => {
    const text = pageText([item("Un", 50, 700, 12), item("deux", 50, 686, 20), item("trois", 50, 672, 25), item("Quatre", 50, 640, 30), item("cinq", 300, 700, 20)]);
    expect(text).toBe("Un\ndeux\ntrois\n\nQuatre\ncinq");
  });

  test("pdf.js's own spaces and empty end-of-line markers", () => {
    expect(pdfLines([item("Sous-préfecture le :", 50, 700, 94), item(" ", 144, 700, 3, 12), item("11 JUIL. 2024", 147, 700, 72), item("", 50, 686, 0, 12, true)]).map((l) => l.text)).toEqual([
      "Sous-préfecture le : 11 JUIL. 2024",
    ]);
  });
});

describe("joinPages", () => {
  test("a page that ends a sentence ends its paragraph; one cut mid-sentence runs on", () => {
    expect(joinPages(["Il est décidé :", "d'approuver la convention de", "partenariat.", "  ", "Fin"])).toBe("Il est décidé :\n\nd'approuver la convention de\npartenariat.\n\nFin");
  });
});

describe("pdfText: outcomes as data", () => {
  test("looksLikePdf: %PDF- in the first kilobyte", () => {
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7\n"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode(`${" ".repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("Délibération du conseil"))).toBe(false);
  });

  test("a PDF written with Helvetica (not embedded): its lines, page by page", async () => {
    const result = await pdfText(new Uint8Array(simplePdf([["Bonjour le monde", "(deux) \\ é"], [], ["Page trois"]])), { pdfjs });
    expect(result).toEqual({ kind: "text", pages: ["Bonjour le monde\n(deux) \\ é", "", "Page trois"], pagesWithoutText: [2] });
  });

  test("limits: bytes, pages and characters refused with what was found", async () => {
    const bytes = new Uint8Array(simplePdf([["un"], ["deux"], ["trois"]]));
    expect(await pdfText(bytes, { pdfjs, maxBytes: 100 })).toEqual({ kind: "over_limit", limit: "bytes", max: 100, actual: bytes.byteLength });
    expect(await pdfText(bytes, { pdfjs, maxPages: 2 })).toEqual({ kind: "over_limit", limit: "pages", max: 2, actual: 3 });
    expect(await pdfText(new Uint8Array(simplePdf([["a".repeat(60)], ["b".repeat(60)]])), { pdfjs, maxCharacters: 100 })).toEqual({
      kind: "over_limit",
      limit: "characters",
      max: 100,
      actual: 120,
    });
  });

  test("a time limit: given up between two steps, the document freed", async () => {
    let clock = 0;
    const result = await pdfText(new Uint8Array(simplePdf([["un"], ["deux"], ["trois"]])), { pdfjs, timeLimitMs: 1000, now: () => (clock += 400) });
    expect(result).toMatchObject({ kind: "over_limit", limit: "time", max: 1000 });
  });

  test("a pdf.js that never answers is given up at the time limit", async () => {
    const stalled: PdfjsLike = { version: "0", getDocument: () => ({ promise: new Promise(() => undefined), destroy: () => Promise.resolve() }) };
    const bytes = new Uint8Array(simplePdf([["un"]]));
    const result = await pdfText(bytes, { pdfjs: stalled, timeLimitMs: 50 });
    expect(result).toMatchObject({ kind: "over_limit", limit: "time", max: 50 });
    expect(result.kind === "over_limit" && result.actual >= 50).toBe(true);
  });

  test("the caller's bytes are not detached nor changed", async () => {
    const bytes = new Uint8Array(simplePdf([["un"]]));
    const copy = bytes.slice();
    await pdfText(bytes, { pdfjs });
    expect(bytes).toEqual(copy);
  });

  test("kinds of the files made: scan, encrypted, owner password only, not a PDF, damaged", async () => {
    const scan = await read(pdfs.imageOnly);
    if (scan !== null) expect(scan).toEqual({ kind: "no_text_layer", pageCount: 1 });
    const encrypted = await read(pdfs.encrypted);
    if (encrypted !== null) expect(encrypted).toEqual({ kind: "encrypted" });
    const ownerOnly = await read(pdfs.ownerOnly);
    if (ownerOnly !== null) expect(ownerOnly.kind).toBe("text");
    expect(await read(pdfs.notPdf)).toEqual({ kind: "not_pdf" });
    expect(await read(pdfs.damaged)).toMatchObject({ kind: "damaged", detail: expect.stringContaining("InvalidPDFException") });
  });

  test("a PDF cut in half is read as far as it goes, or said damaged: never thrown", async () => {
    if (!pdfs.team2.ok) return;
    const whole = readFileSync(pdfs.team2.path);
    const result = await pdfText(new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2))), { pdfjs });
    expect(["text", "damaged", "no_text_layer"]).toContain(result.kind);
  });
});

describe("the TEAM2 deliberation printed by LibreOffice", () => {
  const markdown = readFileSync(TEAM2_MD, "utf8");

  test("its text holds the deliberation's key passages, in order", async () => {
    const text = textOf(await read(pdfs.team2));
    if (text === null) return;
    const passages = [
      "Le mardi 25 juin 2024, à 19 H 00, le Conseil Communautaire s'est réuni",
      "CONVENTION DE PARTENARIAT ENTRE L'AGGLOMERATION BETHUNE BRUAY ET L'ASSOCIATION PÔLE TEAM2",
      "pour une durée de 3 ans à compter de sa notification telle que ci-annexée",
      "devant le tribunal administratif de Lille, dans un délai de deux mois à compter de sa publication",
      "Sous-préfecture le : 11 JUIL. 2024",
      "Et de la publication le : 12 JUIL. 2024",
      "immatriculée sous le N° SIRET 528 827 264 000 29",
      "Le comité de suivi se réunit au minimum 2 fois par an (au moins une fois par semestre).",
      "La présente convention est conclue pour une durée de 3 ans à compter de sa notification.",
    ];
    const flatText = flat(text);
    let from = 0;
    for (const passage of passages) {
      expect(flat(markdown)).toContain(passage);
      const at = flatText.indexOf(passage, from);
      expect({ passage, found: at >= 0 }).toEqual({ passage, found: true });
      from = at;
    }
  });

  test("extractDeliberation reads the same values from the PDF's text as from the Markdown", async () => {
    const text = textOf(await read(pdfs.team2));
    if (text === null) return;
    const fields = (x: DeliberationExtraction): Record<string, unknown> => ({
      transmissionDate: x.transmissionDate.value,
      publicationDate: x.publicationDate.value,
      termMonths: x.term.value?.months ?? null,
      committeeMonths: x.committee.value?.months ?? null,
      court: x.court.value,
      appealMonths: x.appealMonths.value,
      partner: x.partner.value,
      siret: x.siret.value,
    });
    const fromMarkdown = fields(extractDeliberation(markdown));
    const fromPdf = fields(extractDeliberation(text));
    const differing = Object.keys(fromMarkdown).filter((key) => JSON.stringify(fromMarkdown[key]) !== JSON.stringify(fromPdf[key]));
    if (differing.length > 0) {
      console.log(`Champs différents (Markdown → PDF) :\n${differing.map((k) => `  ${k} : ${JSON.stringify(fromMarkdown[k])} → ${JSON.stringify(fromPdf[k])}`).join("\n")}`);
    }
    expect(fromMarkdown).toEqual({
      transmissionDate: { year: 2024, month: 7, day: 11 },
      publicationDate: { year: 2024, month: 7, day: 12 },
      termMonths: 36,
      committeeMonths: 6,
      court: expect.stringMatching(/Lille/),
      appealMonths: 2,
      partner: expect.stringMatching(/TEAM/i),
      siret: "52882726400029",
    });
    expect(fromPdf).toEqual(fromMarkdown);
  });
});

describe("two CSS columns printed by Chromium", () => {
  test("read column by column: each paragraph whole, in order, the title first", async () => {
    const text = textOf(await read(pdfs.twoColumns));
    if (text === null) return;
    const flatText = flat(text);
    expect(flatText.startsWith(TWO_COLUMN_TITLE)).toBe(true);
    let from = 0;
    for (const paragraph of TWO_COLUMN_PARAGRAPHS) {
      const at = flatText.indexOf(paragraph, from);
      expect({ paragraph, found: at >= 0 }).toEqual({ paragraph, found: true });
      from = at + paragraph.length;
    }
  });
});

describe("pdf.js in a plain Node process, as the CLI loads it", () => {
  const root = join(__dirname, "..", "..");
  let out: string;

  beforeAll(() => {
    // Inside the project (build-test/ is ignored by git), so that the compiled loader finds node_modules.
    mkdirSync(join(root, "build-test"), { recursive: true });
    out = mkdtempSync(join(root, "build-test", "pdf-node-"));
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, "node_modules", "typescript", "bin", "tsc"),
        ...["--outDir", out, "--rootDir", join(root, "src"), "--module", "commonjs", "--target", "ES2020", "--lib", "ES2020", "--strict", "--skipLibCheck", "--types", "node"],
        join(root, "src", "pdf", "loadPdfjsNode.ts"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (tsc.status !== 0) throw new Error(tsc.stdout + tsc.stderr);
    // A preload under which @napi-rs/canvas cannot be found, as where npm omitted optional packages.
    writeFileSync(
      join(out, "without-canvas.cjs"),
      `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "@napi-rs/canvas") throw Object.assign(new Error("Cannot find module '@napi-rs/canvas'"), { code: "MODULE_NOT_FOUND" });
  return resolve.call(this, request, ...rest);
};
`,
    );
  }, 180_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const run = (preload: string[]): { stdout: string; stderr: string } => {
    const script = `
      const { loadPdfjsForNode, loadWarnings } = require(${JSON.stringify(join(out, "pdf", "loadPdfjsNode.js"))});
      const { pdfText } = require(${JSON.stringify(join(out, "pdf", "pdfText.js"))});
      const bytes = new Uint8Array(Buffer.from(${JSON.stringify(simplePdf([["Certifié exécutoire le : 11 JUIL. 2024"]]).toString("base64"))}, "base64"));
      pdfText(bytes, { pdfjs: loadPdfjsForNode() }).then((r) => console.log(JSON.stringify({ r, warnings: loadWarnings() })));
    `;
    const child = spawnSync(process.execPath, [...preload, "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
    return { stdout: child.stdout, stderr: child.stderr };
  };
  const text = { kind: "text", pages: ["Certifié exécutoire le : 11 JUIL. 2024"], pagesWithoutText: [] };

  test("compiled by tsc as the CLI is (ES2020, no DOM types) and run by node: the text, nothing printed", () => {
    const { stdout, stderr } = run([]);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({ r: text, warnings: [] });
  });

  test("without the optional @napi-rs/canvas: the text still, pdf.js's warnings kept off the output", () => {
    const { stdout, stderr } = run(["--require", join(out, "without-canvas.cjs")]);
    expect(stderr).toBe("");
    const { r, warnings } = JSON.parse(stdout) as { r: unknown; warnings: string[] };
    expect(r).toEqual(text);
    expect(warnings.join("\n")).toContain("@napi-rs/canvas");
  });
});

describe("DomMatrix2d (DOMMatrix for pdf.js when Node has none)", () => {
  test("products, translation, scale and inverse as DOMMatrix computes them", () => {
    const m = new DomMatrix2d().scaleSelf(2, 3).translateSelf(5, 7);
    expect([m.a, m.b, m.c, m.d, m.e, m.f]).toEqual([2, 0, 0, 3, 10, 21]);
    const back = m.multiply(m.inverse());
    expect(back.isIdentity).toBe(true);
    const p = new DomMatrix2d([1, 0, 0, 1, 4, 0]).preMultiplySelf(new DomMatrix2d([2, 0, 0, 2, 0, 0]));
    expect([p.a, p.e]).toEqual([2, 8]);
  });
});
