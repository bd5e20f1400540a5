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
 *    The desired `rapport`: the output is the input package patched, not rewritten: every input part
 *    byte-identical, except the package's index parts that must name the new sheet
 *    ([Content_Types].xml, xl/workbook.xml, its relationships, docProps/app.xml), which must keep
 *    everything they held (sheets, defined names, relationships, content types).
 * 2. Hostile inputs (tests/helpers/hostileWorkbooks.ts): the real bin run in a child process with a
 *    20 s timeout and --max-old-space-size=1024 (tests/helpers/boundedCli.ts). Desired: it ends by
 *    itself within those bounds, with a result (exit 0) or a reasoned refusal (exit 2), never a crash,
 *    a timeout or an unexpected error (exit 1). The 1 000 000-row register and the 2 GB inflation
 *    bomb run only with HEAVY=1 (each takes ~15 s to make, and a run of up to 20 s).
 *
 * Needs Debian's python3-openpyxl, python3-pil, python3-uno and libreoffice-calc (npm run setup):
 * without them part 1 is skipped with a message, except under CI=true where that is a failure.
 */
import { promises as fs } from "node:fs";
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
  libreOfficeRoundTrip,
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
const INDEX_PARTS = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/app.xml"];

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
    default:
      return []; // docProps/app.xml: its sheet count and titles change with the new sheet
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
  /** ExcelJS's readFile: null when it reads the file, else (part of) its error message. */
  readonly excelJs: string | null;
  /**
   * `verifier --json`: null when it exits 0 with the register's conventions, else (part of) its error
   * (exit 2). Null for every file since verifier reads with its own reader (src/excel/xlsxReader.ts),
   * which resolves relationship targets per OPC, absolute or relative, and never reads drawings.
   */
  readonly verifier: string | null;
  /**
   * `rapport`: { error } when it exits 2 today; { lost, kept } when it exits 0 today, with the input
   * parts the output has lost, and those (other than the index parts) it kept byte for byte: every
   * other part is rewritten by ExcelJS.
   */
  readonly rapport: { readonly error: string } | { readonly lost: readonly string[]; readonly kept: readonly string[] };
}

// ExcelJS looks a part up by the relationship's target made relative to xl/ ("../drawings/drawing1.xml");
// openpyxl writes absolute targets ("/xl/drawings/drawing1.xml"), valid OPC that ExcelJS cannot resolve:
// BUG-ANCHORS (drawings: charts and pictures), BUG-COMMENTS (comments), BUG-TABLE-NAME (tables).
const ANCHORS = "Cannot read properties of undefined (reading 'anchors')";
const COMMENTS = "Cannot read properties of undefined (reading 'comments')";
const TABLE_NAME = "Cannot read properties of undefined (reading 'name')";
// BUG-THEME: LibreOffice writes a table without <tableStyleInfo>; ExcelJS reads it, then fails to write
// it back (table-style-info-xform.js reads `.theme` of null).
const THEME = "Cannot read properties of null (reading 'theme')";

const TODAY: Record<ThirdPartyName, Today> = {
  // ExcelJS keeps the theme it read as raw XML: the one part of openpyxl's it writes back unchanged.
  "openpyxl-simple": { parts: ["xl/worksheets/sheet4.xml", "xl/theme/theme1.xml"], excelJs: null, verifier: null, rapport: { lost: [], kept: ["xl/theme/theme1.xml"] } },
  "openpyxl-graphique": { parts: ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"], excelJs: ANCHORS, verifier: null, rapport: { error: ANCHORS } },
  "openpyxl-image": { parts: ["xl/media/image1.png", "xl/drawings/drawing1.xml"], excelJs: ANCHORS, verifier: null, rapport: { error: ANCHORS } },
  "openpyxl-commentaires": {
    parts: ["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml"],
    excelJs: COMMENTS,
    verifier: null,
    rapport: { error: COMMENTS },
  },
  "openpyxl-objets": { parts: ["xl/tables/table1.xml", "xl/worksheets/sheet6.xml"], excelJs: TABLE_NAME, verifier: null, rapport: { error: TABLE_NAME } },
  "openpyxl-xmlperso": {
    parts: ["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels", "docProps/custom.xml"],
    excelJs: null,
    verifier: null,
    rapport: { lost: ["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels", "docProps/custom.xml"], kept: ["xl/theme/theme1.xml"] },
  },
  "openpyxl-complet": {
    parts: ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/tables/table1.xml", "xl/comments/comment1.xml", "customXml/item1.xml", "docProps/custom.xml"],
    excelJs: ANCHORS,
    verifier: null,
    rapport: { error: ANCHORS },
  },
  "openpyxl-macros": { parts: ["xl/vbaProject.bin"], excelJs: null, verifier: null, rapport: { lost: ["xl/vbaProject.bin"], kept: ["xl/theme/theme1.xml"] } },
  // LibreOffice writes no theme part, and a docProps/custom.xml even when empty.
  "libreoffice-simple": { parts: ["xl/sharedStrings.xml", "docProps/custom.xml"], excelJs: null, verifier: null, rapport: { lost: ["docProps/custom.xml"], kept: [] } },
  "libreoffice-graphique": {
    parts: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/],
    excelJs: null,
    verifier: null,
    // The chart's sheet loses its relationships: the chart is gone from the report's copy.
    rapport: { lost: ["xl/worksheets/_rels/sheet4.xml.rels", "docProps/custom.xml"], kept: [] },
  },
  "libreoffice-complet": {
    // LibreOffice keeps the custom XML part; it numbers charts and comments its own way.
    parts: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\/image\d+\.png$/, "xl/tables/table1.xml", /^xl\/comments\d+\.xml$/, "customXml/item1.xml", "docProps/custom.xml"],
    excelJs: null,
    verifier: null,
    rapport: { error: THEME },
  },
  "libreoffice-pivot": {
    parts: ["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml"],
    excelJs: null,
    verifier: null,
    // The pivot table and its cache are dropped.
    rapport: {
      lost: [
        "xl/worksheets/_rels/sheet5.xml.rels",
        "xl/pivotTables/_rels/pivotTable1.xml.rels",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "docProps/custom.xml",
      ],
      kept: [],
    },
  },
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

    // Verifier reads every register, whoever wrote it (it failed where ExcelJS cannot load the
    // package: BUG-ANCHORS, BUG-COMMENTS, BUG-TABLE-NAME above, until its own reader).
    (today.verifier === null ? test : test.failing)("verifier --json: exit 0, the register's 15 conventions", async () => {
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

    if (today.verifier !== null) {
      const error = today.verifier;
      test(`today: verifier refuses it, exit 2 (${error})`, async () => {
        const checked = await run("verifier", made.files[name], "--date", AS_OF, "--json");
        expect(checked.code).toBe(2);
        expect(checked.stderr).toContain(error);
      });
    }

    // Desired: rapport patches the input package: the report's sheet added, every input part kept
    // byte for byte, the index parts keeping all they held. Failing today for every file: ExcelJS
    // rewrites every part it writes back (BUG-REWRITE) and drops the parts it does not model
    // (pivot tables, custom XML, custom properties, vbaProject.bin, a LibreOffice chart's sheet
    // relationships: BUG-DROPPED-PARTS), when it can open the file at all.
    test.failing("rapport: exit 0, the input package kept byte for byte with the report's sheet added", async () => {
      const written = await report(name);
      expect(written.stderr).toBe("");
      expect(written.code).toBe(0);
      expect(await compareParts(made.files[name], reportPath(name))).toEqual({ lost: [], changed: [], indexLost: [] });
      const workbookXml = (await packageParts(reportPath(name))).get("xl/workbook.xml")?.toString("utf8") ?? "";
      expect(workbookXml).toContain(`name="Rapport ${YEAR}"`);
    });

    const todayReport = today.rapport;
    if ("error" in todayReport) {
      test(`today: rapport refuses it, exit 2 (${todayReport.error})`, async () => {
        const written = await report(name);
        expect(written.code).toBe(2);
        expect(written.stderr).toContain(todayReport.error);
      });
    } else {
      const lostText = todayReport.lost.length > 0 ? `, loses ${todayReport.lost.join(", ")}` : "";
      const keptText = todayReport.kept.length > 0 ? ` but ${todayReport.kept.join(", ")}` : "";
      test(`today: rapport exits 0, rewrites every part${keptText}${lostText}`, async () => {
        const written = await report(name);
        expect(written.stderr).toBe("");
        expect(written.code).toBe(0);
        const compared = await compareParts(made.files[name], reportPath(name));
        expect(compared.lost).toEqual(todayReport.lost);
        const input = [...(await packageParts(made.files[name])).keys()];
        const kept = input.filter((part) => !INDEX_PARTS.includes(part) && !compared.lost.includes(part) && !compared.changed.includes(part));
        expect(kept).toEqual(todayReport.kept);
      });
    }
  });

  test("LibreOffice opens what rapport wrote (round trip to PDF and to xlsx)", async () => {
    for (const name of ["openpyxl-simple", "libreoffice-pivot"] as const) {
      const written = await report(name);
      expect(written.code).toBe(0);
      const pdf = libreOfficeRoundTrip(reportPath(name), temp.dir, "pdf");
      expect(pdf).toMatchObject({ ok: true });
      const xlsx = libreOfficeRoundTrip(reportPath(name), temp.dir, "xlsx");
      expect(xlsx).toMatchObject({ ok: true });
      expect((await packageParts(xlsx.output ?? "")).has("xl/workbook.xml")).toBe(true);
    }
  }, 240_000);
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
      // The bound: at most 500 MB (Linux only: elsewhere the peak is not known).
      if (run.maxRssMb !== null) expect(run.maxRssMb).toBeLessThanOrEqual(500);
    },
    // Was: killed at the 20 s timeout, 500–850 MB by then (ExcelJS loaded the whole workbook, then the dense grid).
    // Now read (73 MB of cells), checked and written in about 11 s of processor time alone, but 890 MB at its
    // peak: the check's 1,3 million findings and the semesters' coverage of conventions that never held a
    // comité (~460 MB); and over 20 s when it shares the processors with other test files.
    failingToday: "BUG-200K-MEMORY",
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
    // Today: exit 2 in ~1 s: "n'est pas un classeur Excel .xlsx (Bug : uncompressed data size mismatch)",
    // JSZip's message (unzip -t, which reads the local headers, finds nothing wrong).
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
