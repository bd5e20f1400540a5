/**
 * Hostile inputs for the command line, made at test time (nothing large committed): each function
 * writes one file into a folder and returns its path. The workbooks are written by hand, part by
 * part, through tests/helpers/zipContainer.ts (never through ExcelJS, which is slow on large
 * sheets and writes only well-formed packages): a register as a program other than Excel can
 * write it, then one thing wrong with it.
 *
 *   strayCellAtXfd           a small register and one stray value in XFD1048576, Excel's last cell
 *                            (a reader that builds a dense grid of the used range allocates 17 × 10⁹ cells)
 *   rowPastLastRow           a sheet with <row r="1048577">, one past Excel's last row
 *   largeRegister(rows)      a register of `rows` conventions (200 000; 1 000 000 under HEAVY=1), streamed
 *   inflationBomb            a zip of about 7 MB whose sheet inflates to about 2 GB (rows of 60 KB, never
 *                            held in memory: deflated as they are produced)
 *   lyingCentralDirectory    a small register whose central directory declares wrong sizes for its sheet
 *   xxeSharedStrings         sharedStrings.xml with an external entity that names a local file (its
 *                            content must never reach the output)
 *   billionLaughsSharedStrings  sharedStrings.xml with ten nested entities of ten (10⁹ "lol")
 *   utf16Deliberation        a deliberation's text in UTF-16LE with a byte order mark (Notepad's "Unicode")
 *   spacesBeforeWord         a deliberation with 50 000 spaces before a word
 *   largeText                a 50 MB text (a deliberation pasted over and over)
 */
import { createWriteStream, promises as fs } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { CalendarDate } from "../../src/core/dates/calendarDate";
import { dateToSerial } from "../../src/core/dates/excelSerial";
import { ZipEntry, writeZip } from "./zipContainer";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COLUMN = "XFD";
const DELIBERATIONS = join(__dirname, "..", "fixtures", "deliberations");

/** The headers of the conventions sheet every hostile register has (src/core/registerSchema.ts). */
export const HOSTILE_HEADERS = ["Référence", "Intitulé", "Partenaire", "Date de notification", "Durée", "Date de fin", "Montant"] as const;
const COMMITTEE_HEADERS = ["Référence convention", "Date", "Type"] as const;
const PARTNERS = ["Commune de Lillers", "Association Rebond Emploi Artois", "Office de tourisme Béthune-Bruay", "Centre social Jacques Brel", "Université d'Artois"];
const SUBJECTS = ["Animation du réseau des jardins partagés", "Chantier d'insertion « Berges de la Lawe »", "Maison France Services", "Éducation artistique et culturelle", "Rénovation énergétique"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's XML: text inline (t="inlineStr"), a number, or a date (a serial with the dd/mm/yyyy style 1). */
type XmlCell = string | number | { readonly date: CalendarDate } | { readonly shared: number } | null;

function cellXml(ref: string, value: XmlCell): string {
  if (value === null) return "";
  if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if ("shared" in value) return `<c r="${ref}" t="s"><v>${value.shared}</v></c>`;
  const serial = dateToSerial(value.date);
  if (!serial.ok) throw new Error(`No serial for ${JSON.stringify(value.date)}`);
  return `<c r="${ref}" s="1"><v>${serial.value}</v></c>`;
}

export function rowXml(row: number, values: readonly XmlCell[]): string {
  return `<row r="${row}">${values.map((value, i) => cellXml(`${columnName(i)}${row}`, value)).join("")}</row>`;
}

/** The n-th generated convention (1-based): plausible, deterministic. */
export function conventionCells(n: number): XmlCell[] {
  const year = 2021 + (n % 5);
  const start: CalendarDate = { year, month: 1 + (n % 12), day: 1 + (n % 28) };
  const end: CalendarDate = { year: year + 3, month: start.month, day: start.day };
  return [`GEN-${String(n).padStart(7, "0")}`, `${SUBJECTS[n % SUBJECTS.length]} n° ${n}`, PARTNERS[n % PARTNERS.length], { date: start }, "3 ans", n % 2 === 0 ? { date: end } : null, (n % 50) * 1000];
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
const SHEET_END = "</sheetData></worksheet>";

interface SheetSpec {
  readonly name: string;
  /** The sheet's XML, produced chunk by chunk. */
  readonly xml: () => AsyncIterable<string> | Iterable<string>;
}

/** The parts of a workbook around its sheets: content types, relationships, workbook, styles (a dd/mm/yyyy date style). */
function packageParts(sheets: readonly SheetSpec[], sharedStrings: string | null): ZipEntry[] {
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const sheetRels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const n = sheets.length;
  const overrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("");
  const sharedOverride = sharedStrings === null ? "" : `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`;
  const sharedRel = sharedStrings === null ? "" : `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  const parts: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sharedOverride}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${sheetRels}` +
        `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>${sharedRel}</Relationships>`,
    },
    {
      name: "xl/styles.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    },
  ];
  sheets.forEach((sheet, i) => parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml }));
  if (sharedStrings !== null) parts.push({ name: "xl/sharedStrings.xml", data: sharedStrings });
  return parts;
}

/** Rows of XML grouped into chunks of about 1 MB. */
function* batched(rows: Iterable<string>, size = 1 << 20): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += row;
    if (chunk.length >= size) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

function* conventionsSheet(count: number, extraRows: readonly string[] = []): Generator<string> {
  yield SHEET_START;
  yield rowXml(1, [...HOSTILE_HEADERS]);
  yield* batched(
    (function* () {
      for (let n = 1; n <= count; n++) yield rowXml(n + 1, conventionCells(n));
    })(),
  );
  yield* extraRows;
  yield SHEET_END;
}

function committeesSheet(conventions: number): SheetSpec {
  return {
    name: "Comités",
    xml: function* () {
      yield SHEET_START + rowXml(1, [...COMMITTEE_HEADERS]);
      for (let n = 1; n <= conventions; n++) {
        const [reference, , , start] = conventionCells(n);
        const date = (start as { date: CalendarDate }).date;
        yield rowXml(n + 1, [reference, { date: { ...date, year: date.year + 1 } }, "Comité de suivi"]);
      }
      yield SHEET_END;
    },
  };
}

/** A small register: `count` conventions and one comité each. */
function smallRegister(count: number, extraRows: readonly string[] = []): SheetSpec[] {
  return [{ name: "Conventions", xml: () => conventionsSheet(count, extraRows) }, committeesSheet(count)];
}

export async function strayCellAtXfd(dir: string): Promise<string> {
  const path = join(dir, "cellule-XFD1048576.xlsx");
  const stray = `<row r="${EXCEL_MAX_ROW}"><c r="${EXCEL_MAX_COLUMN}${EXCEL_MAX_ROW}" t="inlineStr"><is><t>x</t></is></c></row>`;
  await writeZip(path, packageParts(smallRegister(5, [stray]), null));
  return path;
}

export async function rowPastLastRow(dir: string): Promise<string> {
  const path = join(dir, "ligne-1048577.xlsx");
  const past = rowXml(EXCEL_MAX_ROW + 1, ["GEN-HORS-LIMITE", "Ligne au-delà de la dernière ligne d'Excel", "Commune de Lillers", { date: { year: 2025, month: 1, day: 6 } }, "3 ans"]);
  await writeZip(path, packageParts(smallRegister(5, [past]), null));
  return path;
}

/** `rows` conventions (and no comités: the sheet is the point), streamed into the zip. */
export async function largeRegister(dir: string, rows: number): Promise<string> {
  const path = join(dir, `registre-${rows}-lignes.xlsx`);
  await writeZip(path, packageParts([{ name: "Conventions", xml: () => conventionsSheet(rows) }], null), { level: 1 });
  return path;
}

/**
 * About `targetBytes` of sheet XML (2 GB by default) in a zip of about 7 MB: about 33 000 rows of
 * 60 KB (two cells of 30 000 characters, under Excel's 32 767), deflated as produced.
 * Fewer, longer rows compress far better than a million short ones (whose row numbers, references
 * and dates differ: 44 MB for the same 2 GB); the zip's size also depends on zlib's version.
 */
export async function inflationBomb(dir: string, targetBytes = 2_000_000_000): Promise<string> {
  const path = join(dir, "bombe-2-Go.xlsx");
  // One character repeated compresses twice as well as a phrase (deflate's matches are at most 258 bytes).
  const padding = `Observations : ${"-".repeat(30_000)}`;
  const sheet: SheetSpec = {
    name: "Conventions",
    xml: function* () {
      yield SHEET_START + rowXml(1, [...HOSTILE_HEADERS, "Observations", "Compte rendu"]);
      let bytes = 0;
      let batch = "";
      for (let n = 1; n < EXCEL_MAX_ROW && bytes < targetBytes; n++) {
        const row = rowXml(n + 1, [...conventionCells(n), padding, padding]);
        bytes += row.length;
        batch += row;
        if (batch.length >= 4 << 20) {
          yield batch;
          batch = "";
        }
      }
      yield batch + SHEET_END;
    },
  };
  await writeZip(path, packageParts([sheet], null), { level: 9 });
  return path;
}

/** A small register whose central directory declares, for its conventions sheet, sizes that are not the data's. */
export async function lyingCentralDirectory(dir: string): Promise<string> {
  const path = join(dir, "repertoire-central-faux.xlsx");
  await writeZip(path, packageParts(smallRegister(5), null), {
    lie: (record) => (record.name === "xl/worksheets/sheet1.xml" ? { ...record, compressedSize: record.compressedSize + 37, uncompressedSize: 100 } : record),
  });
  return path;
}

/** A register whose texts are in sharedStrings.xml, with `doctype` in front and `marker` as the first convention's title. */
async function sharedStringsRegister(path: string, doctype: string, marker: string): Promise<string> {
  const texts: string[] = [...HOSTILE_HEADERS];
  const index = (text: string): { shared: number } => {
    const found = texts.indexOf(text);
    if (found >= 0) return { shared: found };
    texts.push(text);
    return { shared: texts.length - 1 };
  };
  const rows = [rowXml(1, HOSTILE_HEADERS.map((_, i) => ({ shared: i })))];
  for (let n = 1; n <= 5; n++) {
    const cells = conventionCells(n).map((value) => (typeof value === "string" ? index(value) : value));
    rows.push(rowXml(n + 1, cells));
  }
  const markerIndex = texts.length;
  rows[1] = rows[1].replace(/<c r="B2" t="s"><v>\d+<\/v><\/c>/, `<c r="B2" t="s"><v>${markerIndex}</v></c>`);
  const items = texts.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join("") + `<si><t>${marker}</t></si>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n<sst xmlns="${MAIN}" count="${texts.length + 1}" uniqueCount="${texts.length + 1}">${items}</sst>`;
  await writeZip(path, packageParts([{ name: "Conventions", xml: () => [SHEET_START, ...rows, SHEET_END] }], shared));
  return path;
}

/** The file the external entity names, and the text in it that must not leak. */
export const XXE_CANARY = "CANARI-XXE-4f1c9a";

export async function xxeSharedStrings(dir: string): Promise<{ path: string; secret: string }> {
  const secret = join(dir, "secret-xxe.txt");
  await fs.writeFile(secret, `${XXE_CANARY}\n`);
  const doctype = `<!DOCTYPE sst [<!ENTITY canari SYSTEM "file://${secret}">]>`;
  const path = await sharedStringsRegister(join(dir, "xxe-sharedStrings.xlsx"), doctype, "Intitulé &canari; fin");
  return { path, secret };
}

export async function billionLaughsSharedStrings(dir: string): Promise<string> {
  const entities = ['<!ENTITY lol "lol">'];
  for (let level = 1; level <= 9; level++) entities.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? "" : level - 1};`.repeat(10)}">`);
  const doctype = `<!DOCTYPE sst [${entities.join("")}]>`;
  return sharedStringsRegister(join(dir, "milliard-de-rires.xlsx"), doctype, "&lol9;");
}

/** The deliberation the texts below are made from (UTF-8, in the repository). */
export async function deliberationText(name = "commune-beuvry-2021.txt"): Promise<string> {
  return fs.readFile(join(DELIBERATIONS, name), "utf8");
}

export async function utf16Deliberation(dir: string): Promise<{ path: string; utf8: string }> {
  const text = await deliberationText();
  const path = join(dir, "deliberation-utf16le.txt");
  await fs.writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, "\r\n"), "utf16le")]));
  const utf8 = join(dir, "deliberation-utf8.txt");
  await fs.writeFile(utf8, text);
  return { path, utf8 };
}

export async function spacesBeforeWord(dir: string, spaces = 50_000): Promise<string> {
  const text = await deliberationText();
  const at = text.indexOf("durée");
  if (at < 0) throw new Error("the deliberation has no « durée »");
  const path = join(dir, "deliberation-50000-espaces.txt");
  await fs.writeFile(path, `${text.slice(0, at)}${" ".repeat(spaces)}${text.slice(at)}`);
  return path;
}

/** About `bytes` of text (50 MB by default): the TEAM2 deliberation pasted over and over, streamed to the file. */
export async function largeText(dir: string, bytes = 50_000_000): Promise<string> {
  const text = await deliberationText("deliberation-team2-2024.md");
  const path = join(dir, "deliberation-50-Mo.txt");
  const out = createWriteStream(path);
  const chunk = Buffer.from(`${text}\n\n`, "utf8");
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}
