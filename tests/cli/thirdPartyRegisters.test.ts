/**
 * The command line on files it did not write. Until now every register the tests read was written
 * by ExcelJS itself; here they come from openpyxl, from LibreOffice, and from hostile hands.
 *
 * 1. Third-party registers (tests/helpers/thirdPartyRegisters.ts, made at test time by the Python and
 *    LibreOffice generators of tests/fixtures/thirdParty/): for each file, its package parts, whether
 *    ExcelJS reads it, and what `registre verifier` and `registre rapport` do. The desired behaviour
 *    is written as the test; where today's code falls short the test is `test.failing`, with the
 *    bug named in a comment: when a fix lands, jest reports the test as passing unexpectedly, and
 *    `test.failing` is turned into `test`. What today's code does is recorded by plain tests
 *    ("today: …"), so a change of behaviour shows too.
 *    `rapport`: the output is the input package patched, not rewritten: every input part
 *    byte-identical, except the package's index parts that must name the new sheet
 *    ([Content_Types].xml, xl/workbook.xml, its relationships), which must keep everything they
 *    held (sheets, defined names, relationships, content types), and the styles part, to which the
 *    report's looks are appended (every list keeps its entries, in their order, at their index;
 *    nothing else in it changes).
 * 2. Hostile inputs (tests/helpers/hostileWorkbooks.ts): the real bin run in a child process with a
 *    20 s timeout and --max-old-space-size=1024 (tests/helpers/boundedCli.ts). Desired: it ends by
 *    itself within those bounds, with a result (exit 0) or a reasoned refusal (exit 2), never a crash,
 *    a timeout or an unexpected error (exit 1). The 1 000 000-row register and the 2 GB inflation
 *    bomb run only with HEAVY=1 (each takes ~15 s to make, and a run of up to 20 s).
 *
 * Needs Debian's python3-openpyxl, python3-pil, python3-uno and libreoffice-calc (npm run setup):
 * without them part 1 is skipped with a message, except under CI=true where that is a failure.
 */
import { existsSync, promises as fs } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { BoundedRun, describeRun, runBounded } from "../helpers/boundedCli";
import {
  billionLaughsSharedStrings,
  inflationBomb,
  largeRegister,
  largeText,
  lyingCentralDirectory,
  rowPastLastRow,
  spacesBeforeWord,
  strayCellAtXfd,
  utf16Deliberation,
  XXE_CANARY,
  xxeSharedStrings,
} from "../helpers/hostileWorkbooks";
import {
  HOW_TO_GET_TOOLS,
  THIRD_PARTY_NAMES,
  ThirdPartyName,
  ThirdPartyRegisters,
  libreOfficeConvertAll,
  makeThirdPartyRegisters,
  thirdPartyToolsAvailable,
} from "../helpers/thirdPartyRegisters";
import { gridDifferences, readWithExcelJs, readWithReader } from "../helpers/readBoth";
import { run, tempDir } from "./cliHelpers";

const inCi = process.env.CI === "true";
const heavy = process.env.HEAVY === "1";
const AS_OF = "2026-12-06";
const YEAR = "2025";

// ---------------------------------------------------------------------------------------------
// Package parts

type Parts = ReadonlyMap<string, Buffer>;

async function packageParts(path: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  const parts = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async("nodebuffer"));
  }
  return parts;
}

/** The parts that must change to add a sheet; they must keep what they held. */
const INDEX_PARTS = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml", "xl/styles.xml"];

/** The lists of a styles part (CT_Stylesheet), to which a new sheet's looks are appended. */
const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** A list's element in a styles part: its text from its start tag to its end, or null. */
function styleList(xml: string, name: string): string | null {
  return new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`).exec(xml)?.[0] ?? null;
}

/** The entries of a list, each as written (a list holds one kind of element; nested ones are in its text). */
function styleEntries(list: string | null): string[] {
  if (list === null) return [];
  const inner = list.replace(/^<[^>]*?\/>$/, "").replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "");
  const entry = /^<((?:\w+:)?\w+)\b/.exec(inner)?.[1];
  if (entry === undefined) return [];
  return inner.match(new RegExp(`<${entry}\\b[^>]*?(?:/>|>[\\s\\S]*?</${entry}>)`, "g")) ?? [];
}

/** The styles part with each list emptied: what must not change at all. */
function stylesSkeleton(xml: string, lists: readonly string[]): string {
  return lists.reduce((text, name) => {
    const list = styleList(text, name);
    return list === null ? text : text.replace(list, `<${name}/>`);
  }, xml);
}

/** The elements of an index part that must all still be there once a sheet is added. */
function indexEntries(name: string, xml: string): string[] {
  const all = (pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[0].replace(/\s+/g, " "));
  switch (name) {
    case "[Content_Types].xml":
      return all(/<(?:Default|Override)\b[^>]*>/g);
    case "xl/workbook.xml":
      return [...all(/<sheet\b[^>]*>/g), ...all(/<definedName\b[^>]*>[^<]*<\/definedName>/g), ...all(/<(?:workbookPr|fileVersion|pivotCache)\b[^>]*>/g)];
    case "xl/_rels/workbook.xml.rels":
      return all(/<Relationship\b[^>]*>/g);
    case "xl/styles.xml":
      // Each list's entries in order; an input whose entries are not all first in the output's list loses one here.
      return STYLE_LISTS.flatMap((list) => styleEntries(styleList(xml, list)).map((entry, i) => `${list}[${i}]: ${entry}`));
    default:
      return []; // docProps/app.xml: its sheet count and titles may change with the new sheet
  }
}

interface Lossless {
  /** Input parts absent from the output. */
  readonly lost: string[];
  /** Input parts (other than the index parts) whose bytes changed. */
  readonly changed: string[];
  /** Entries of the index parts the output no longer has. */
  readonly indexLost: string[];
}

async function compareParts(input: string, output: string): Promise<Lossless> {
  const before = await packageParts(input);
  const after = await packageParts(output);
  const lost: string[] = [];
  const changed: string[] = [];
  const indexLost: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (now === undefined) {
      lost.push(name);
    } else if (INDEX_PARTS.includes(name)) {
      const kept = indexEntries(name, now.toString("utf8"));
      indexLost.push(...indexEntries(name, bytes.toString("utf8")).filter((entry) => !kept.includes(entry)).map((entry) => `${name}: ${entry}`));
      if (name === "xl/styles.xml") {
        const listsBefore = STYLE_LISTS.filter((list) => styleList(bytes.toString("utf8"), list) !== null);
        const skeleton = (xml: string): string => stylesSkeleton(xml, STYLE_LISTS).replace(new RegExp(`<(${STYLE_LISTS.filter((l) => !listsBefore.includes(l)).join("|") || "-"})/>`, "g"), "");
        if (skeleton(bytes.toString("utf8")) !== skeleton(now.toString("utf8"))) changed.push(`${name} (outside its lists)`);
      }
    } else if (!bytes.equals(now)) {
      changed.push(name);
    }
  }
  return { lost, changed, indexLost };
}

// ---------------------------------------------------------------------------------------------
// 1. Third-party registers

interface Today {
  /** Parts that make the file what it is (its chart, its macros…): checked present. A pattern where LibreOffice's numbering varies. */
  readonly parts: readonly (string | RegExp)[];
  /**
   * ExcelJS's readFile on the file as it is: null when it reads it, else (part of) its error
   * message. The command line reads them with its own reader (src/excel/xlsxReader.ts); the tests
   * that read them with ExcelJS too go through src/excel/excelJsInput.ts, which gives
   * ExcelJS the package in the form it reads, until the register is read without ExcelJS's model).
   */
  readonly excelJs: string | null;
}

// ExcelJS looks a part up by the relationship's target made relative to xl/ ("../drawings/drawing1.xml");
// openpyxl writes absolute targets ("/xl/drawings/drawing1.xml"), valid OPC that ExcelJS cannot resolve,
// and drawings in a form ExcelJS does not parse: (drawings: charts and pictures), (comments), (tables).
const ANCHORS = "Cannot read properties of undefined (reading 'anchors')";
const COMMENTS = "Cannot read properties of undefined (reading 'comments')";
const TABLE_NAME = "Cannot read properties of undefined (reading 'name')";

const TODAY: Record<ThirdPartyName, Today> = {
  "openpyxl-simple": { parts: ["xl/worksheets/sheet4.xml", "xl/theme/theme1.xml"], excelJs: null },
  "openpyxl-graphique": { parts: ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"], excelJs: ANCHORS },
  "openpyxl-image": { parts: ["xl/media/image1.png", "xl/drawings/drawing1.xml"], excelJs: ANCHORS },
  "openpyxl-commentaires": { parts: ["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml"], excelJs: COMMENTS },
  "openpyxl-objets": { parts: ["xl/tables/table1.xml", "xl/worksheets/sheet6.xml"], excelJs: TABLE_NAME },
  "openpyxl-xmlperso": { parts: ["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels", "docProps/custom.xml"], excelJs: null },
  "openpyxl-complet": {
    parts: ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/tables/table1.xml", "xl/comments/comment1.xml", "customXml/item1.xml", "docProps/custom.xml"],
    excelJs: ANCHORS,
  },
  "openpyxl-macros": { parts: ["xl/vbaProject.bin"], excelJs: null },
  // LibreOffice writes no theme part, and a docProps/custom.xml even when empty.
  "libreoffice-simple": { parts: ["xl/sharedStrings.xml", "docProps/custom.xml"], excelJs: null },
  "libreoffice-graphique": { parts: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/], excelJs: null },
  "libreoffice-complet": {
    // LibreOffice keeps the custom XML part; it numbers charts and comments its own way.
    parts: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\/image\d+\.png$/, "xl/tables/table1.xml", /^xl\/comments\d+\.xml$/, "customXml/item1.xml", "docProps/custom.xml"],
    excelJs: null,
  },
  "libreoffice-pivot": { parts: ["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml"], excelJs: null },
};

const { missing } = thirdPartyToolsAvailable();
if (missing.length > 0 && !inCi) {
  console.log(`Registres tiers non vérifiés : ${missing.join(", ")} absent(s) (${HOW_TO_GET_TOOLS}).`);
}

test("the third-party generators' tools are installed where CI runs", () => {
  if (inCi) expect(missing).toEqual([]);
});

(missing.length === 0 ? describe : describe.skip)("registers written by openpyxl and LibreOffice", () => {
  // Made in beforeAll, not while jest collects the tests: a skipped describe leaves no folder behind.
  let temp = { dir: "", remove: (): void => undefined };
  afterAll(() => temp.remove());
  let made: ThirdPartyRegisters;

  beforeAll(async () => {
    temp = tempDir();
    made = await makeThirdPartyRegisters(join(temp.dir, "registres"));
  }, 300_000);

  test("the generators made every file; LibreOffice reads the VBA project built for the .xlsm", () => {
    expect(Object.keys(made.files).sort()).toEqual([...THIRD_PARTY_NAMES].sort());
    expect(made.conventions).toHaveLength(15);
    expect(made.committees).toBe(40);
    expect(made.vbaModulesReadByLibreOffice).toEqual(["Feuil1", "Feuil2", "Feuil3", "Feuil4", "Module1", "ThisWorkbook"]);
  });

  /** The output of `rapport` for a file: OUT.xlsm for the .xlsm (a macro-enabled package must keep its extension). */
  const reportPath = (name: ThirdPartyName): string => join(temp.dir, `${name}-rapport${made.files[name].endsWith(".xlsm") ? ".xlsm" : ".xlsx"}`);
  const reports = new Map<ThirdPartyName, Promise<Awaited<ReturnType<typeof run>>>>();
  /** `rapport` run once per file, its result shared by the tests that look at it. */
  const report = (name: ThirdPartyName) => {
    let running = reports.get(name);
    if (running === undefined) {
      running = run("rapport", made.files[name], "--annee", YEAR, "--date", AS_OF, "--sortie", reportPath(name), "--remplacer");
      reports.set(name, running);
    }
    return running;
  };

  describe.each(THIRD_PARTY_NAMES.map((name) => [name] as const))("%s", (name) => {
    const today = TODAY[name];

    test(`holds its parts: ${today.parts.join(", ")}`, async () => {
      const names = [...(await packageParts(made.files[name])).keys()];
      for (const part of today.parts) expect(names.some((n) => (typeof part === "string" ? n === part : part.test(n))) ? part : names).toEqual(part);
      expect(names).toContain("xl/workbook.xml");
    });

    if (today.excelJs === null) {
      test("today: ExcelJS reads it", async () => {
        const workbook = new Workbook();
        await workbook.xlsx.readFile(made.files[name]);
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(["Conventions", "Comités"]));
      });
    } else {
      const error = today.excelJs;
      test(`today: ExcelJS cannot read it (${error})`, async () => {
        await expect(new Workbook().xlsx.readFile(made.files[name])).rejects.toThrow(error);
      });
    }

    test("verifier --json: exit 0, the register's 15 conventions", async () => {
      const checked = await run("verifier", made.files[name], "--date", AS_OF, "--json");
      expect(checked.stderr).toBe("");
      expect(checked.code).toBe(0);
      const json = JSON.parse(checked.stdout) as { conventions: { id: string }[] };
      expect(json.conventions.map((c) => c.id).sort()).toEqual([...made.conventions].sort());
    });

    // The reader's values are ExcelJS's, cell by cell, wherever ExcelJS can read the file at all.
    if (today.excelJs === null) {
      test("the reader gives ExcelJS's values, cell by cell", async () => {
        const read = await readWithReader(made.files[name]);
        expect(read.map((g) => g.name)).toEqual(expect.arrayContaining(["Conventions", "Comités"]));
        expect(gridDifferences(await readWithExcelJs(made.files[name]), read)).toEqual([]);
      });
    }

    // rapport patches the input package (src/excel/xlsxPatch.ts): the report's sheet added, every
    // input part kept byte for byte, the index parts and the styles keeping all they held.
    test("rapport: exit 0, the input package kept byte for byte with the report's sheet added", async () => {
      const written = await report(name);
      expect(written.stderr).toBe("");
      expect(written.code).toBe(0);
      expect(await compareParts(made.files[name], reportPath(name))).toEqual({ lost: [], changed: [], indexLost: [] });
      const workbookXml = (await packageParts(reportPath(name))).get("xl/workbook.xml")?.toString("utf8") ?? "";
      expect(workbookXml).toContain(`name="Rapport ${YEAR}"`);
    });
  });

  test("comite: the same, with the comité's sheet, on the register that holds everything", async () => {
    const output = join(temp.dir, "openpyxl-complet-comite.xlsx");
    const written = await run("comite", made.files["openpyxl-complet"], "--convention", made.conventions[0], "--date", AS_OF, "--sortie", output);
    expect([written.code, written.stderr]).toEqual([0, ""]);
    expect(await compareParts(made.files["openpyxl-complet"], output)).toEqual({ lost: [], changed: [], indexLost: [] });
  });

  test("the defined name Rapport2025: the report's table takes another name, and no table shares a name with a defined name", async () => {
    const written = await report("openpyxl-objets");
    expect(written.code).toBe(0);
    const parts = await packageParts(reportPath("openpyxl-objets"));
    const workbookXml = parts.get("xl/workbook.xml")?.toString("utf8") ?? "";
    const definedNames = [...workbookXml.matchAll(/<definedName\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1].toLowerCase());
    expect(definedNames).toContain("rapport2025");
    const tables = [...parts].filter(([part]) => /^xl\/tables\/table\d+\.xml$/.test(part)).map(([, xml]) => xml.toString("utf8"));
    const tableNames = tables.flatMap((xml) => [.../\s(?:name|displayName)="([^"]*)"/.exec(xml) ?? []].slice(1, 2));
    expect(tableNames).toContain("Rapport2025_2");
    expect(tableNames.filter((table) => definedNames.includes(table.toLowerCase()))).toEqual([]);
    // Table ids are unique in the workbook too.
    const ids = tables.map((xml) => /<table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the .xlsm stays a macro-enabled workbook: its VBA project and its content type kept", async () => {
    const written = await report("openpyxl-macros");
    expect(written.code).toBe(0);
    const parts = await packageParts(reportPath("openpyxl-macros"));
    expect(parts.get("xl/vbaProject.bin")?.equals((await packageParts(made.files["openpyxl-macros"])).get("xl/vbaProject.bin") ?? Buffer.alloc(0))).toBe(true);
    expect(parts.get("[Content_Types].xml")?.toString("utf8")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    // Under a name ending in .xlsx Excel would not open it: refused, nothing written.
    const misnamed = join(temp.dir, "openpyxl-macros-rapport.xlsx");
    const refused = await run("rapport", made.files["openpyxl-macros"], "--annee", YEAR, "--date", AS_OF, "--sortie", misnamed);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `Le registre contient des macros : sa copie doit se terminer par .xlsm (Excel n'ouvre pas « ${misnamed} » sous ce nom). Rien n'est écrit.`,
    ]);
    expect(existsSync(misnamed)).toBe(false);
  });

  test("LibreOffice converts every copy rapport wrote, to PDF and to xlsx, with the register's charts and pivot tables and the report's chart", async () => {
    const names = [...THIRD_PARTY_NAMES];
    for (const name of names) expect([name, (await report(name)).code]).toEqual([name, 0]);
    const outputs = names.map(reportPath);
    const pdfs = libreOfficeConvertAll(outputs, temp.dir, "pdf");
    const xlsxs = libreOfficeConvertAll(outputs, temp.dir, "xlsx");
    const count = (parts: Parts, pattern: RegExp): number => [...parts.keys()].filter((part) => pattern.test(part)).length;
    const CHART = /^xl\/charts\/chart\d+\.xml$/;
    const PIVOT = /^xl\/pivotTables\/pivotTable\d+\.xml$/;
    for (const [i, name] of names.entries()) {
      expect([name, pdfs[i] !== null]).toEqual([name, true]);
      expect([name, xlsxs[i] !== null]).toEqual([name, true]);
      const input = await packageParts(made.files[name]);
      const converted = await packageParts(xlsxs[i] ?? "");
      expect([name, count(converted, CHART), count(converted, PIVOT)]).toEqual([name, count(input, CHART) + 1, count(input, PIVOT)]);
      expect([name, converted.get("xl/workbook.xml")?.toString("utf8").includes(`name="Rapport ${YEAR}"`)]).toEqual([name, true]);
    }
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// 2. Hostile inputs

const BOUNDS = { timeoutMs: 20_000, maxOldSpaceMb: 1024 } as const;

interface HostileCase {
  readonly label: string;
  readonly title: string;
  /** Makes the input into `dir` and gives the command's arguments. */
  readonly make: (dir: string) => Promise<string[]>;
  /** Made and run only with HEAVY=1. */
  readonly heavy?: boolean;
  /** What is desired beyond ending within the bounds with exit 0 or 2. */
  readonly check?: (run: BoundedRun) => Promise<void>;
  /** Today's code falls short: the bug, and the test is test.failing. */
  readonly failingToday?: string;
  /** Runs long today (up to the timeout): run after the quick ones, so that they do not share the CPUs with it. */
  readonly slowToday?: boolean;
}

const verifier = (file: string): string[] => ["verifier", file, "--date", AS_OF, "--json"];
const importer = (file: string): string[] => ["importer", file, "--json"];
/** Conventions in a verifier --json output (one "missingSemesters" per convention), read from its file. */
const conventionsIn = async (run: BoundedRun): Promise<number> => ((await fs.readFile(run.stdoutFile, "utf8")).match(/"missingSemesters"/g) ?? []).length;
let utf8Twin = "";

// Today's outcomes (2 CPUs, Node 20; REGISTRE_TRACE=1 prints them) are in each case's comment.
const HOSTILE: readonly HostileCase[] = [
  {
    label: "xfd",
    title: "a stray value in XFD1048576: the 5 conventions read",
    make: async (dir) => verifier(await strayCellAtXfd(dir)),
    check: async (run) => {
      expect(run.code).toBe(0);
      expect(await conventionsIn(run)).toBe(5);
    },
    // Was: out of memory after 6–14 s, ~1 090 MB: the ExcelJS gateway built a dense grid of the used range
    // A1:XFD1048576. The reader holds the cells with a value: one row of 16 384 cells.
  },
  {
    label: "row-1048577",
    title: "a row past Excel's last row (1048577): refused with a reason, or read without it",
    make: async (dir) => verifier(await rowPastLastRow(dir)),
    check: async (run) => {
      if (run.code === 0) expect(await conventionsIn(run)).toBe(5);
      // Refused, as Excel refuses (or repairs) such a file: the cell past the end is named.
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("1 048 576 lignes");
    },
    // Was: exit 0, the row past the end read as a sixth convention "GEN-HORS-LIMITE", with findings at
    // row 1048577, a row Excel never shows.
  },
  {
    label: "rows-200k",
    title: "a register of 200 000 conventions: all read",
    make: async (dir) => verifier(await largeRegister(dir, 200_000)),
    check: async (run) => {
      expect(run.code).toBe(0);
      expect(await conventionsIn(run)).toBe(200_000);
      // The issue's bound: at most 500 MB (Linux only: elsewhere the peak is not known).
      if (run.maxRssMb !== null) expect(run.maxRssMb).toBeLessThanOrEqual(500);
    },
    // Was: killed at the 20 s timeout, 500–850 MB by then (ExcelJS loaded the whole workbook, then the dense grid);
    // then 890 MB at its peak with the register's own reader: the check's 1,3 million findings and the
    // semesters' coverage held at once (BUG-200K-MEMORY). Now about 335 MB and 10 s alone: the cells let go once
    // the rows are read, the check walked convention by convention as the JSON is written (checkedSections), equal
    // coverages shared.
    slowToday: true,
  },
  {
    label: "rows-1M",
    title: "a register of 1 000 000 conventions: all read, or refused with a reason",
    make: async (dir) => verifier(await largeRegister(dir, 1_000_000)),
    heavy: true,
    // HEAVY=1 only (47 MB zip, ~15 s to write). Was: killed at the 20 s timeout, ~1 060 MB by then. Now
    // refused at once: its sheet declares about 390 MB once inflated, over the reader's 256 MB a part.
    check: async (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("trop volumineux pour être lu");
    },
    slowToday: true,
  },
  {
    label: "bomb",
    title: "a zip whose sheet inflates to 2 GB: refused with a reason",
    make: async (dir) => verifier(await inflationBomb(dir)),
    heavy: true,
    check: async (run) => expect(run.code).toBe(2),
    // HEAVY=1 only (7 MB zip, 2.0 GB sheet, ~15 s to write). Was: out of memory (SIGABRT) after 8–15 s,
    // ~1 200 MB. Now refused before inflating, from the sizes the zip declares.
  },
  {
    label: "lying-directory",
    title: "a central directory that declares wrong sizes: read, or refused with a reason",
    make: async (dir) => verifier(await lyingCentralDirectory(dir)),
    // Exit 2 in ~1 s: "l'archive zip est abîmée …" (before issue 18, JSZip's own words: "Bug : uncompressed
    // data size mismatch"; unzip -t, which reads the local headers, finds nothing wrong).
  },
  {
    label: "xxe",
    title: "an external entity in sharedStrings.xml: the file it names never reaches the output",
    make: async (dir) => verifier((await xxeSharedStrings(dir)).path),
    check: async (run) => {
      expect(await fs.readFile(run.stdoutFile, "utf8")).not.toContain(XXE_CANARY);
      expect(run.stderr).not.toContain(XXE_CANARY);
    },
    // Today: exit 2 in ~1 s, "(3:933: undefined entity.)": ExcelJS's XML parser (saxes) resolves no entity.
  },
  {
    label: "billion-laughs",
    title: "a billion laughs in sharedStrings.xml: refused with a reason, or read without expanding it",
    make: async (dir) => verifier(await billionLaughsSharedStrings(dir)),
    // Today: exit 2 in ~1 s, "(3:922: undefined entity.)": saxes does not expand internal entities either.
  },
  {
    label: "utf16",
    title: "a deliberation in UTF-16LE with a BOM: read as its UTF-8 twin is",
    make: async (dir) => {
      const { path, utf8 } = await utf16Deliberation(dir);
      utf8Twin = utf8;
      return importer(path);
    },
    check: async (run) => {
      expect(run.code).toBe(0);
      const twin = await importInProcess(utf8Twin);
      const fields = (text: string): unknown => (JSON.parse(text) as { fields: unknown }).fields;
      expect(fields(await fs.readFile(run.stdoutFile, "utf8"))).toEqual(fields(twin));
    },
    // Was: exit 2, "n'est pas du texte (un PDF, un document Word ?)": the NUL bytes of UTF-16 made it a
    // binary file. src/cli/readTextFile.ts reads the byte order mark.
  },
  {
    label: "spaces",
    title: "a deliberation with 50 000 spaces before a word: read within the bounds",
    make: async (dir) => importer(await spacesBeforeWord(dir)),
    check: async (run) => expect(run.code).toBe(0),
    // Today: exit 0 in ~4.3 s alone (80 MB), up to 12 s beside another run: linear in the spaces but
    // about 80 µs a space (1 s at 12 500, 2 s at 25 000): 250 000 spaces would pass the bound.
  },
  {
    label: "text-50MB",
    title: "a 50 MB text: read, or refused with a reason, within the bounds",
    make: async (dir) => importer(await largeText(dir)),
    check: async (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("trop volumineux pour une délibération");
    },
    // Was: killed at the 20 s timeout, 1.1 GB by then. Refused before it is read (src/cli/readTextFile.ts, 2 MB at most).
  },
];

/** The UTF-8 twin's fields, in-process (no bound needed: it is the reference). */
async function importInProcess(file: string): Promise<string> {
  const twin = await run("importer", file, "--json");
  expect(twin.code).toBe(0);
  return twin.stdout;
}

describe("hostile inputs, the real bin under 20 s and --max-old-space-size=1024", () => {
  let temp = { dir: "", remove: (): void => undefined };
  afterAll(() => temp.remove());
  const cases = HOSTILE.filter((c) => heavy || c.heavy !== true);
  const runs = new Map<string, BoundedRun>();

  // Every input made first, then the bounded runs two at a time (most end quickly; the slow ones are
  // bounded by the 20 s timeout): the describe takes about the time of its two slowest runs.
  beforeAll(async () => {
    temp = tempDir();
    const commands = new Map<string, string[]>();
    for (const hostile of cases) commands.set(hostile.label, await hostile.make(temp.dir));
    const queue = [...cases.filter((c) => c.slowToday !== true), ...cases.filter((c) => c.slowToday === true)];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        runs.set(next.label, await runBounded(commands.get(next.label) ?? [], { ...BOUNDS, outDir: temp.dir, label: next.label }));
      }
    };
    await Promise.all([worker(), worker()]);
    if (process.env.REGISTRE_TRACE === "1") {
      console.log(cases.map((c) => `${c.label}: ${describeRun(runs.get(c.label) as BoundedRun)}`).join("\n"));
    }
  }, heavy ? 3_600_000 : 300_000);

  for (const hostile of HOSTILE) {
    const declare = hostile.heavy === true && !heavy ? test.skip : hostile.failingToday !== undefined ? test.failing : test;
    // test.failing: today's code does not do this (see the case's comment and its bug); flip it when fixed.
    declare(hostile.title, async () => {
      const result = runs.get(hostile.label);
      if (result === undefined) throw new Error(`${hostile.label} did not run`);
      expect(result.handled ? "handled" : describeRun(result)).toBe("handled");
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      await hostile.check?.(result);
    });
  }
});
