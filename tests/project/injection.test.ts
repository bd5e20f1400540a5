/**
 * Text from a register stays text in everything the add-in writes. A register whose every text
 * cell is hostile (formula starters "=", "+", "-", "@", a tab or a space before "=", DDE, an
 * Office escape "_x003D_", iCalendar and CSV separators, line ends, HTML) goes through every
 * action on each of the three gateways — the in-memory fake, Office.js (on the fake Excel host)
 * and ExcelJS (the .xlsx saved, read back by ExcelJS and as raw XML) — and through the command
 * line's outputs (verifier, --json, rapport, comite, ics, importer). Each written cell must be
 * the same text, as text: never a formula, a number or a value the reader decodes differently.
 * The add-in writes no CSV; the last test fails when a writer of CSV appears without its test.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ValueType, Workbook } from "exceljs";
import ICAL from "ical.js";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/excel/xlsxWorkbook";
import { terminalLine } from "../../src/cli/terminalText";
import { readSettings } from "../../src/plans/addinSettings";
import { chooseField } from "../../src/core/register/mappingDraft";
import { escapeIcsText } from "../../src/core/calendar/icsFormat";
import { committeeSheetName } from "../../src/plans/ownedSheets";
import { computedColumns } from "../../src/plans/setupRegister";
import { needsTextFormat } from "../../src/excel/officeRender";
import { CellValue } from "../../src/core/cells/sheetGrid";
import { WorkbookGateway } from "../../src/excel/gateway";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { ExcelRunner, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import {
  adoptRegister,
  appendImportedRows,
  checkAndAnnotate,
  exportDeadlines,
  inspectWorkbook,
  setUpRegister,
} from "../../src/actions/registerActions";
import { addAnnualReport, addCommitteeReport } from "../../src/actions/reportActions";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { run, tempDir } from "../cli/cliHelpers";
import { decodeXmlText } from "../helpers/excelText";
import { d } from "../helpers/dates";

// ---------------------------------------------------------------------------------------------
// The hostile register
// ---------------------------------------------------------------------------------------------

/** One convention per payload: its reference is the payload, its other texts start with it. */
const PAYLOADS = [
  "=1+1",
  '=HYPERLINK("http://x")',
  "@SUM(A1)",
  "-2+3",
  "+33 1 23 45 67 89",
  "\t=2+2",
  " =3+3",
  "=cmd|' /C calc'!A0",
  "'=4+4",
  // Office Open XML's escape of a character: a reader that decodes it would show "=5+5".
  "_x003D_5+5",
  'a,b;c\\d"e\nf',
  "END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:=6+6",
  '<img src=x onerror="window.__xss=1">',
] as const;
/** What a terminal must never receive from a line: C0 controls but the tab, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
/** The register reads text trimmed: what every writer gets. */
const IDS = PAYLOADS.map((p) => p.trim());
const text = (i: number, what: string): string => `${PAYLOADS[i]} (${what})`.trim();
/** A convention whose dates are hostile text: its findings quote them. */
const BAD_ID = "=DATE(1)";
const BAD_START = "@TODAY()";
const BAD_DURATION = "=2*12";
/** A header the detection does not know, over hostile values; the adoption maps it by hand. */
const EXTRA_HEADER = '=HYPERLINK("http://x","en-tête")';
const AUTHORITY = '=HYPERLINK("http://x","collectivité")';
const ASOF = d("2026-03-01");
/** Serials: 45672 = 15/01/2025, 45800 = 23/05/2025, 45900 = 31/08/2025, 46388 = 01/01/2027. */
const START = 45672;

const CONVENTION_HEADERS = ["Référence", "Intitulé", "Partenaire", "N° délibération", "Date de notification", "Durée", "Observations", EXTRA_HEADER];

function hostileRegister(): Record<string, CellValue[][]> {
  return {
    Conventions: [
      CONVENTION_HEADERS,
      ...PAYLOADS.map((p, i) => [p, text(i, "intitulé"), text(i, "partenaire"), text(i, "délibération"), START, 24, text(i, "observations"), text(i, "colonne")]),
      [BAD_ID, text(0, "sans dates"), text(1, "sans dates"), null, BAD_START, BAD_DURATION, null, null],
    ],
    "Comités": [
      ["Référence convention", "Date", "Type", "Compte rendu", "Participants"],
      ...PAYLOADS.map((p, i) => [p, 45800, "Comité de suivi", text(i, "compte rendu"), text(i, "participants")]),
      [PAYLOADS[0], 45900, "+TYPE", null, null],
    ],
    "Échéances": [
      ["Référence convention", "Libellé", "Type", "Date limite", "Réalisé le"],
      ...PAYLOADS.map((p, i) => [p, text(i, "jalon"), "Jalon", 46388, null]),
    ],
    Avenants: [
      ["Référence convention", "N°", "Date", "Objet", "Nouvelle durée"],
      ...PAYLOADS.map((p, i) => [p, text(i, "avenant"), 45900, text(i, "objet"), 36]),
    ],
  };
}

const temp = tempDir();
afterAll(() => temp.remove());
let fileCount = 0;
const newFile = (name: string): string => join(temp.dir, `${++fileCount}-${name}`);

/**
 * A text as Excel writes it in an .xlsx: "_xHHHH_" itself escaped, a control character (CR
 * included) as "_xHHHH_" (ExcelJS, which the file is made with, does neither).
 */
function asExcelWritesIt(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what Excel escapes
  return value.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[\u0000-\u0008\u000b-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** The register as an .xlsx file, every text a string cell (what a user's Excel saves). */
async function hostileFile(grids: Record<string, CellValue[][]>): Promise<string> {
  const workbook = new Workbook();
  for (const [name, rows] of Object.entries(grids)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = typeof value === "string" ? asExcelWritesIt(value) : (value as number);
      }),
    );
  }
  const path = newFile("registre.xlsx");
  await workbook.xlsx.writeFile(path);
  return path;
}

// ---------------------------------------------------------------------------------------------
// What a gateway wrote, cell by cell
// ---------------------------------------------------------------------------------------------

/** A written cell: "text" only when the host holds it as text whatever it starts with. */
interface WrittenCell {
  readonly where: string;
  readonly kind: "text" | "number" | "boolean" | "formula" | "string-not-text" | "other";
  readonly value: CellValue;
  readonly formula?: string;
}

interface Subject {
  readonly gateway: WorkbookGateway;
  /** Every cell the add-in wrote; for an .xlsx, every cell of the saved file. */
  written(): Promise<WrittenCell[]>;
}

/** The formulas the add-in may write: the set-up's computed columns, nothing else. */
const ADDIN_FORMULAS = new Set(computedColumns().map((c) => c.formula.replace(/^=/, "")));

const GATEWAYS: { readonly name: string; open(grids: Record<string, CellValue[][]>): Promise<Subject> }[] = [
  {
    name: "mémoire",
    async open(grids) {
      const workbook = new MemoryWorkbook(grids);
      return {
        gateway: workbook,
        async written() {
          const cells: WrittenCell[] = [];
          for (const name of await workbook.sheetNames()) {
            for (const [at, cell] of workbook.sheet(name)?.written ?? []) {
              const where = `${name}!${at}`;
              if (cell.kind === "text") cells.push({ where, kind: "text", value: cell.text });
              else if (cell.kind === "formula") cells.push({ where, kind: "formula", value: null, formula: cell.formula.replace(/^=/, "") });
              else if (cell.kind === "boolean") cells.push({ where, kind: "boolean", value: cell.value });
              else cells.push({ where, kind: "number", value: cell.kind === "date" ? cell.serial : cell.value });
            }
          }
          return cells;
        },
      };
    },
  },
  {
    name: "Office.js (hôte Excel simulé)",
    async open(grids) {
      const host = new FakeExcelHost(grids);
      return {
        gateway: new OfficeWorkbook(host.run as unknown as ExcelRunner),
        async written() {
          // A cell the gateway wrote has a number format; the user's cells, seeded, have none.
          return host.sheets.flatMap((sheet) =>
            [...sheet.cells].flatMap(([at, cell]): WrittenCell[] => {
              if (cell.numberFormat === undefined && cell.formula === undefined) return [];
              const where = `${sheet.name}!${at}`;
              // A link is a formula of two string literals and nothing else (quotes doubled): its text is text.
              const link = cell.formula === undefined ? null : /^=HYPERLINK\("#(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/.exec(cell.formula);
              if (link !== null) return [{ where, kind: "text", value: link[1].replace(/""/g, '"') }];
              if (cell.formula !== undefined) return [{ where, kind: "formula", value: null, formula: cell.formula.replace(/^=/, "") }];
              const v = cell.value;
              // Text keeps Excel's General format unless Excel would read it as something else (then "@"): the
              // fake host reads a General string as Excel does, so a string here is text.
              if (typeof v === "string") return [{ where, kind: cell.numberFormat === "@" || !needsTextFormat(v) ? "text" : "string-not-text", value: v }];
              if (typeof v === "number") return [{ where, kind: "number", value: v }];
              if (typeof v === "boolean") return [{ where, kind: "boolean", value: v }];
              return v === null ? [] : [{ where, kind: "other", value: v }];
            }),
          );
        },
      };
    },
  },
  {
    name: "ExcelJS (fichier .xlsx)",
    async open(grids) {
      const opened = await XlsxWorkbook.open(await hostileFile(grids));
      if (!opened.ok) throw new Error(JSON.stringify(opened.error));
      const workbook = opened.workbook;
      return {
        gateway: workbook,
        async written() {
          const path = newFile("ecrit.xlsx");
          await workbook.save(path);
          await expectExcelJsAgrees(path);
          return xlsxCells(path);
        },
      };
    },
  },
];

/** The text of a shared string or an inline string: its runs' <t>, decoded as Excel does. */
function stringItemText(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)].map((m) => decodeXmlText(m[1] ?? "")).join("");
}

/** Every cell of every worksheet of a saved .xlsx, from its raw XML, as Excel would read it. */
async function xlsxCells(path: string): Promise<WrittenCell[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sharedXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => stringItemText(m[1]));
  const cells: WrittenCell[] = [];
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = m[1];
      const inner = m[2] ?? "";
      const where = `${part}!${/\br="([^"]+)"/.exec(attributes)?.[1] ?? "?"}`;
      const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? "n";
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      if (formula !== undefined || /<f\b/.test(inner)) cells.push({ where, kind: "formula", value: null, formula: decodeXmlText(formula ?? "") });
      else if (type === "s") cells.push({ where, kind: "text", value: shared[Number(v)] ?? null });
      else if (type === "inlineStr") cells.push({ where, kind: "text", value: stringItemText(inner) });
      else if (type === "b") cells.push({ where, kind: "boolean", value: v === "1" });
      else if (type === "n" && v !== undefined) cells.push({ where, kind: "number", value: Number(v) });
      else if (v !== undefined) cells.push({ where, kind: "other", value: decodeXmlText(v) });
    }
  }
  // Formulas hide elsewhere too (conditional formats, validations, tables, charts): none may hold register text.
  for (const [part, file] of Object.entries(zip.files)) {
    if (!part.endsWith(".xml")) continue;
    const xml = await file.async("string");
    for (const m of xml.matchAll(/<((?:\w+:)?(?:f|formula|formula1|formula2|calculatedColumnFormula|totalsRowFormula))\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const formula = decodeXmlText(m[2]);
      for (const id of [...IDS, EXTRA_HEADER, AUTHORITY, BAD_START, BAD_DURATION]) {
        if (formula.includes(id)) throw new Error(`${part}: la formule ${formula} contient le texte du registre ${JSON.stringify(id)}`);
      }
    }
  }
  return cells;
}

/** ExcelJS reads the saved file the same way: no formula but the add-in's, register text as strings. */
async function expectExcelJsAgrees(path: string): Promise<void> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula) expect([cell.address, cell.formula, ADDIN_FORMULAS.has(cell.formula)]).toEqual([cell.address, cell.formula, true]);
        if (typeof cell.value === "string" && cell.type !== ValueType.Merge) expect([cell.address, cell.type]).toEqual([cell.address, ValueType.String]);
      }),
    ),
  );
}

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, no control character, no apostrophe at either end. */
function isValidSheetName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- Excel refuses control characters in a sheet name
  return name.length > 0 && name.length <= 31 && !/[[\]:*?/\\\u0000-\u001f\u007f]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";
}

// ---------------------------------------------------------------------------------------------
// The actions
// ---------------------------------------------------------------------------------------------

interface Action {
  readonly name: string;
  /** The workbook the action starts from (the hostile register unless said). */
  readonly grids?: () => Record<string, CellValue[][]>;
  run(gateway: WorkbookGateway): Promise<void>;
  /** Texts that must be written, each as a whole text cell. */
  readonly exact: readonly string[];
  /** Texts that must be written within a text cell (a message that quotes them). */
  readonly within?: readonly string[];
  /** Formulas that must be written (the set-up's own). */
  readonly formulas?: readonly string[];
}

const IMPORTED = {
  id: `${PAYLOADS[1]} (importée)`,
  title: `${PAYLOADS[2]} (intitulé importé)`,
  partner: `${PAYLOADS[4]} (partenaire importé)`,
  label: `${PAYLOADS[10]} (jalon importé)`,
};

const ACTIONS: readonly Action[] = [
  {
    name: "vérifier et annoter",
    async run(gateway) {
      const outcome = await checkAndAnnotate(gateway, ASOF);
      expect(outcome.ok).toBe(true);
    },
    exact: [...IDS, BAD_ID],
    within: [BAD_START, BAD_DURATION, "+TYPE"],
  },
  {
    name: "vérifier et annoter, les conventions dans une feuille nommée « =1+1 »",
    grids: () => {
      const { Conventions, ...others } = hostileRegister();
      return { "=1+1": Conventions, ...others };
    },
    async run(gateway) {
      const outcome = await checkAndAnnotate(gateway, ASOF);
      expect(outcome).toMatchObject({ ok: true, mapping: { conventions: { sheet: "=1+1" } } });
    },
    exact: [...IDS, BAD_ID, "Alerte"],
    within: ["'=1+1'!"],
  },
  {
    name: "adopter le registre (la colonne hostile prise pour les observations)",
    async run(gateway) {
      const inspection = await inspectWorkbook(gateway);
      if (inspection.kind !== "toAdopt") throw new Error(`à adopter attendu : ${inspection.kind}`);
      const draft = chooseField(inspection.draft, "conventions", CONVENTION_HEADERS.indexOf(EXTRA_HEADER), "notes");
      expect(await adoptRegister(gateway, draft)).toMatchObject({ ok: true });
      // The mapping kept as JSON text reads back with the header as it was, and is used as such.
      const settings = readSettings(await gateway.readAllSheets());
      expect(JSON.stringify(settings?.mapping)).toContain(JSON.stringify(EXTRA_HEADER));
      const again = await inspectWorkbook(gateway);
      expect(again.kind).toBe("adopted");
      if (again.kind === "adopted") expect(again.mapping.conventions.columns.notes?.header).toBe(EXTRA_HEADER);
    },
    exact: [],
  },
  {
    name: "créer le registre (classeur vide)",
    grids: () => ({ Feuil1: [] }),
    async run(gateway) {
      expect(await setUpRegister(gateway)).toMatchObject({ ok: true });
    },
    exact: ["TEAM2-2024"],
    formulas: [...ADDIN_FORMULAS],
  },
  {
    name: "rapport annuel",
    async run(gateway) {
      expect(await addAnnualReport(gateway, 2025, { asOf: ASOF, authority: AUTHORITY })).toMatchObject({ kind: "written", sheet: "Rapport 2025" });
    },
    exact: [...IDS, ...PAYLOADS.map((_, i) => text(i, "intitulé")), ...PAYLOADS.map((_, i) => text(i, "partenaire")), AUTHORITY],
  },
  {
    name: "rapport de comité de chaque convention",
    async run(gateway) {
      for (const id of IDS) {
        const outcome = await addCommitteeReport(gateway, { reference: id }, { asOf: ASOF, authority: AUTHORITY });
        expect(outcome).toMatchObject({ kind: "written", conventionId: id });
        if (outcome.kind === "written") expect([outcome.sheet, isValidSheetName(outcome.sheet)]).toEqual([outcome.sheet, true]);
      }
    },
    exact: [
      ...IDS,
      AUTHORITY,
      ...["intitulé", "partenaire", "observations", "compte rendu", "participants", "jalon"].flatMap((what) => PAYLOADS.map((_, i) => text(i, what))),
    ],
    within: [...PAYLOADS.map((_, i) => text(i, "objet")), ...PAYLOADS.map((_, i) => text(i, "avenant")), ...PAYLOADS.map((_, i) => text(i, "délibération"))],
  },
  {
    name: "importer une délibération (valeurs revues par l'agent)",
    async run(gateway) {
      const outcome = await appendImportedRows(gateway, {
        conventions: { id: IMPORTED.id, title: IMPORTED.title, partner: IMPORTED.partner, start: "15/01/2025", duration: "2 ans" },
        deadlines: [{ label: IMPORTED.label, kind: "Jalon", dueDate: "01/01/2027" }],
      });
      expect(outcome).toMatchObject({ ok: true });
    },
    exact: [IMPORTED.id, IMPORTED.title, IMPORTED.partner, IMPORTED.label],
  },
];

/** The assertions every action shares on what a gateway wrote. */
function expectTextStaysText(cells: readonly WrittenCell[], action: Action): void {
  // No formula but the add-in's own, and every string held as text.
  for (const cell of cells) {
    if (cell.kind === "formula") expect([cell.where, cell.formula, ADDIN_FORMULAS.has(cell.formula ?? "")]).toEqual([cell.where, cell.formula, true]);
    expect([cell.where, cell.kind]).not.toEqual([cell.where, "string-not-text"]);
    expect([cell.where, cell.kind]).not.toEqual([cell.where, "other"]);
  }
  const texts = new Set(cells.flatMap((c) => (c.kind === "text" && typeof c.value === "string" ? [c.value] : [])));
  for (const wanted of action.exact) expect([wanted, texts.has(wanted)]).toEqual([wanted, true]);
  for (const wanted of action.within ?? []) expect([wanted, [...texts].some((t) => t.includes(wanted))]).toEqual([wanted, true]);
  const formulas = new Set(cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])));
  for (const wanted of action.formulas ?? []) expect([wanted, formulas.has(wanted)]).toEqual([wanted, true]);
}

describe.each(GATEWAYS)("le texte du registre reste du texte — passerelle $name", (gateway) => {
  test.each(ACTIONS)("$name", async (action) => {
    const subject = await gateway.open((action.grids ?? hostileRegister)());
    await action.run(subject.gateway);
    expectTextStaysText(await subject.written(), action);
    for (const name of await subject.gateway.sheetNames()) expect([name, isValidSheetName(name)]).toEqual([name, true]);
  });

  test("l'export des échéances (iCalendar) garde chaque texte, échappé", async () => {
    const subject = await gateway.open(hostileRegister());
    const outcome = await exportDeadlines(subject.gateway, ASOF);
    if (!outcome.ok) throw new Error("export");
    expectIcsKeepsTexts(outcome.ics, outcome.events);
  });
});

// ---------------------------------------------------------------------------------------------
// iCalendar
// ---------------------------------------------------------------------------------------------

/** A calendar parser reads every event, and every register text in it comes back whole. */
function expectIcsKeepsTexts(ics: string, events: number): void {
  // A content line never starts with anything but a property name or a folding space.
  for (const line of ics.split("\r\n").filter((l) => l !== "")) expect([line, /^([A-Z-]+[;:]| )/.test(line)]).toEqual([line, true]);
  expect(ics).not.toMatch(/[^\r]\n|\r[^\n]/);
  const parsed = new ICAL.Component(ICAL.parse(ics));
  const vevents = parsed.getAllSubcomponents("vevent");
  expect(vevents).toHaveLength(events);
  const summaries = vevents.map((e) => String(e.getFirstPropertyValue("summary")));
  const descriptions = vevents.map((e) => String(e.getFirstPropertyValue("description")));
  expect(summaries.filter((s) => s.startsWith("SUMMARY") || s === "=6+6")).toEqual([]);
  // iCalendar has one line end, "\n": a CR of the register comes back as one.
  const lf = (t: string): string => t.replace(/\r\n?/g, "\n");
  for (const id of IDS) expect([id, summaries.some((s) => s.endsWith(lf(id)))]).toEqual([id, true]);
  for (let i = 0; i < PAYLOADS.length; i++) {
    const label = lf(text(i, "jalon"));
    expect([label, summaries.some((s) => s.includes(`« ${label} »`))]).toEqual([label, true]);
    const title = lf(text(i, "intitulé"));
    expect([title, descriptions.some((s) => s.includes(`— ${title}\n`))]).toEqual([title, true]);
  }
}

describe("escapeIcsText", () => {
  test.each([
    ["a,b;c\\d", "a\\,b\\;c\\\\d"],
    ["ligne 1\r\nligne 2\nligne 3\rfin", "ligne 1\\nligne 2\\nligne 3\\nfin"],
    ["tab\tgardé", "tab\tgardé"],
    // Control characters are not TEXT in RFC 5545: left out, never written raw.
    ["bip\u0007\u001b[2J\u007ffin", "bip[2Jfin"],
  ])("%j → %j", (input, escaped) => {
    expect(escapeIcsText(input)).toBe(escaped);
  });
});

// ---------------------------------------------------------------------------------------------
// Sheet names made from a reference
// ---------------------------------------------------------------------------------------------

describe("committeeSheetName : un nom de feuille qu'Excel accepte, quelle que soit la référence", () => {
  test.each([
    ["TEAM2-2024", "Comité – TEAM2-2024"],
    ["2024/15:A*?[B]\\C", "Comité – 2024-15-A---B--C"],
    ["O'", "Comité – O"],
    ["ligne\r\nsuivante\tfin", "Comité – ligne suivante fin"],
    // Cut at Excel's 31 characters without splitting an emoji in two, nor ending on a space or an apostrophe.
    ["abcdefghijklmnopqrstu😀", "Comité – abcdefghijklmnopqrstu"],
    ["référence très longue 😀😀", "Comité – référence très longue"],
    ["abcdefghijklmnopqrstu'vwxyz", "Comité – abcdefghijklmnopqrstu"],
  ])("%j → %j", (reference, name) => {
    expect(committeeSheetName(reference)).toBe(name);
    expect(isValidSheetName(committeeSheetName(reference))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

describe("la ligne de commande sur le registre hostile", () => {
  let register: string;
  beforeAll(async () => {
    register = await hostileFile(hostileRegister());
  });

  test("verifier --json : chaque texte est une chaîne JSON, le même", async () => {
    const result = await run("verifier", register, "--date", "2026-03-01", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      conventions: { id: string; title: string | null; partner: string | null }[];
      alerts: { conventionId: string | null; message: string; label?: string }[];
      mapping: { conventions: { ignored: { header: string }[] } };
    };
    expect(json.conventions.map((c) => c.id).sort()).toEqual([...IDS, BAD_ID].sort());
    PAYLOADS.forEach((_, i) => {
      expect(json.conventions.find((c) => c.id === IDS[i])).toMatchObject({ title: text(i, "intitulé"), partner: text(i, "partenaire") });
    });
    expect(json.mapping.conventions.ignored.map((c) => c.header)).toContain(EXTRA_HEADER);
    expect(new Set(json.alerts.map((a) => a.conventionId))).toEqual(new Set([...IDS, BAD_ID]));
    expect(json.alerts.some((a) => a.message.includes(BAD_START))).toBe(true);
  });

  test("verifier : ni les lignes ni le JSON n'envoient au terminal un caractère de contrôle du registre", async () => {
    const grids = hostileRegister();
    const title = "\u001b]0;titre volé\u0007\u001b[2J=1+1\u009b31m";
    grids.Conventions[1][1] = title;
    const file = await hostileFile(grids);
    const result = await run("verifier", file, "--date", "2026-03-01");
    expect(result.code).toBe(0);
    for (const line of result.out) expect([line, TERMINAL_CONTROLS.test(line)]).toEqual([line, false]);
    expect(result.stdout).toContain("␛]0;titre volé␇␛[2J=1+1\ufffd31m");
    // The JSON escapes them all, and reads back to the very title.
    const json = await run("verifier", file, "--date", "2026-03-01", "--json");
    expect(TERMINAL_CONTROLS.test(json.stdout.replace(/\n/g, " "))).toBe(false);
    expect((JSON.parse(json.stdout) as { conventions: { id: string; title: string }[] }).conventions.find((c) => c.id === IDS[0])?.title).toBe(title);
  });

  test("rapport et comite : le fichier écrit, lu par ExcelJS et en XML, garde chaque texte comme texte", async () => {
    const annual = newFile("rapport.xlsx");
    expect((await run("rapport", register, "--annee", "2025", "--date", "2026-03-01", "--collectivite", AUTHORITY, "--sortie", annual)).code).toBe(0);
    const committees = await Promise.all(
      IDS.map(async (id, i) => {
        const output = newFile(`comite-${i}.xlsx`);
        const result = await run("comite", register, "--convention", id, "--date", "2026-03-01", "--sortie", output);
        expect([id, result.code, result.stderr]).toEqual([id, 0, ""]);
        return output;
      }),
    );
    const outputs = [{ file: annual, ids: IDS }, ...committees.map((file, i) => ({ file, ids: [IDS[i]] }))];
    for (const { file: output, ids } of outputs) {
      await expectExcelJsAgrees(output);
      const cells = await xlsxCells(output);
      expect(cells.filter((c) => c.kind === "formula" || c.kind === "other")).toEqual([]);
      const texts = new Set(cells.flatMap((c) => (c.kind === "text" ? [c.value] : [])));
      // The register's own sheets, copied into the output: every text as the user typed it.
      for (const row of hostileRegister().Conventions) for (const value of row) if (typeof value === "string") expect([value, texts.has(value)]).toEqual([value, true]);
      for (const id of ids) expect([id, texts.has(id)]).toEqual([id, true]);
    }
    const annualTexts = new Set((await xlsxCells(annual)).map((c) => c.value));
    expect(annualTexts.has(AUTHORITY)).toBe(true);
  });

  test("ics : le fichier iCalendar garde chaque texte, échappé", async () => {
    const output = newFile("echeances.ics");
    const result = await run("ics", register, "--date", "2026-03-01", "--sortie", output);
    expect(result.code).toBe(0);
    const ics = readFileSync(output, "utf8");
    expectIcsKeepsTexts(ics, (ics.match(/^BEGIN:VEVENT\r$/gm) ?? []).length);
    for (const line of result.out) expect([line, TERMINAL_CONTROLS.test(line)]).toEqual([line, false]);
  });

  test("importer --json : les phrases de la délibération reviennent telles quelles", async () => {
    const team2 = readFileSync(join(__dirname, "..", "fixtures", "deliberations", "deliberation-team2-2024.md"), "utf8");
    const inserted = `${PAYLOADS[1]} ${PAYLOADS[2]} a,b;c\\d"e`;
    const place = "avec l'association TEAM<sup>2</sup> pour";
    expect(team2).toContain(place);
    const file = newFile("deliberation.txt");
    writeFileSync(file, team2.split(place).join(`avec l'association TEAM<sup>2</sup> ${inserted} pour`), "utf8");
    const result = await run("importer", file, "--json");
    expect(result.code).toBe(0);
    const strings = (value: unknown): string[] =>
      typeof value === "string" ? [value] : typeof value === "object" && value !== null ? Object.values(value).flatMap(strings) : [];
    expect(strings(JSON.parse(result.stdout)).some((s) => s.includes(inserted))).toBe(true);
    // The review for a person shortens long sentences: the partner read from it ends with the formula, as text.
    const human = await run("importer", file);
    expect(human.stdout).toContain("Partenaire : Association TEAM2 =HYPERLINK");
  });
});

describe("terminalLine", () => {
  test.each([
    ["=1+1 — rien à changer", "=1+1 — rien à changer"],
    ["tab\tgardée", "tab\tgardée"],
    ["\u001b[31mrouge\u001b[0m", "␛[31mrouge␛[0m"],
    ["ligne\r\nforgée", "ligne␍␊forgée"],
    ["bip\u0007 suppr\u007f c1\u009b", "bip␇ suppr␡ c1\ufffd"],
  ])("%j → %j", (line, shown) => {
    expect(terminalLine(line)).toBe(shown);
  });
});

// ---------------------------------------------------------------------------------------------
// No CSV
// ---------------------------------------------------------------------------------------------

test("le complément n'écrit aucun CSV (un écrivain de CSV doit neutraliser = + - @ et entrer dans ce test)", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
    });
  const writers = files(join(__dirname, "..", "..", "src")).filter((path) => /text\/csv|\.csv\b|\bcsv\s*\(/i.test(readFileSync(path, "utf8")));
  expect(writers).toEqual([]);
});
