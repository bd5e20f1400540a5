/**
 * New sheets added to a workbook's package without rewriting it (src/excel/xlsxPatch.ts): every
 * part of the input kept byte for byte, the new sheet's parts under free names, its looks appended
 * to the styles, its texts as Excel writes them; read back with ExcelJS and as raw parts.
 * The registers of other tools (openpyxl, LibreOffice) are in tests/cli/thirdPartyRegisters.test.ts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SheetDraft, dateCell, numberCell, textCell } from "../../src/plans/sheetDraft";
import { addSheetsToPackage } from "../../src/excel/xlsxPatch";
import { partText } from "../../src/excel/opcPackage";
import { loadWorkbook } from "../../src/excel/xlsxWorkbook";
import { cliErrorMessage } from "../../src/i18n/cli.fr";
import { libreOfficeConvertAll } from "../helpers/thirdPartyRegisters";
import { tempDir } from "../cli/cliHelpers";
import { decodeXmlText } from "../helpers/excelText";

const temp = tempDir();
afterAll(() => temp.remove());

/** A report-like sheet: looks, a table, a merge, a conditional format, a link, a date, a chart, print titles. */
const draft: SheetDraft = {
  name: "Rapport 2025",
  rows: [
    [textCell("Titre du rapport", { style: "title" })],
    [textCell("Semestre", { style: "header" }), textCell("Requis", { style: "header" }), textCell("Tenus", { style: "header" })],
    [textCell("2025-S1"), numberCell(4, "integer"), numberCell(3, "integer")],
    [textCell("2025-S2"), numberCell(2, "integer"), numberCell(2, "integer")],
    [dateCell(45485), numberCell(12500.5, "amount"), textCell("Échue", { style: "late" }), textCell("C1", { link: { sheet: "Conventions", row: 1, column: 0 } })],
  ],
  columnWidths: [12, 10, 10, 14],
  merges: [{ row: 0, column: 0, rowCount: 1, columnCount: 3 }],
  tables: [{ name: "Rapport2025", area: { row: 1, column: 0, rowCount: 3, columnCount: 3 } }],
  conditionalFormats: [{ area: { row: 4, column: 2, rowCount: 1, columnCount: 1 }, style: "late", whenTextContains: "Échue" }],
  charts: [{ title: "Comités", data: { row: 1, column: 0, rowCount: 3, columnCount: 3 }, anchor: { row: 0, column: 5, rowCount: 10, columnCount: 4 } }],
  print: { landscape: true, fitToWidth: true, repeatRows: { first: 1, last: 1 }, footer: "Page &P / &N" },
};

/** A register as ExcelJS writes one, with the user's own looks, a table and a defined name. */
async function register(build: (workbook: Workbook) => void = () => undefined): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Conventions");
  sheet.addRow(["Référence", "Date de notification"]);
  sheet.addRow(["C1", 45488]);
  sheet.getCell("A1").font = { bold: true, color: { argb: "FF00B050" } };
  sheet.getCell("B2").numFmt = "d mmmm yyyy";
  workbook.addWorksheet("Notes").getCell("A1").value = "à garder\u0007";
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) found.set(entry.name, await entry.async("nodebuffer"));
  return found;
}

async function patched(base: Uint8Array | null, drafts: readonly SheetDraft[] = [draft]): Promise<Uint8Array> {
  const result = await addSheetsToPackage(base, drafts);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.bytes;
}

/** The children of a list of styles.xml, each as written. */
function styleEntries(styles: string, list: string, entry: string): string[] {
  const body = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(styles)?.[1] ?? "";
  return body.match(new RegExp(`<${entry}\\b[^>]*?(?:/>|>[\\s\\S]*?</${entry}>)`, "g")) ?? [];
}

describe("addSheetsToPackage on a register", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await register();
    output = await patched(input);
  });

  test("every part of the register is kept byte for byte; the new sheet, its table, drawing and chart are added", async () => {
    const before = await parts(input);
    const after = await parts(output);
    const index = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    for (const [name, bytes] of before) if (!index.includes(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
    expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/tables/table1.xml",
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/sheet3.xml",
    ]);
    // The zip keeps the register's entries in their order, the new ones after them, and no folder entry is added.
    const inputNames = Object.keys((await JSZip.loadAsync(input)).files);
    const names = Object.keys((await JSZip.loadAsync(output)).files);
    expect(names.slice(0, inputNames.length)).toEqual(inputNames);
    expect(names.slice(inputNames.length).filter((name) => name.endsWith("/"))).toEqual([]);
  });

  test("the workbook lists the new sheet last, with its print titles local to it; the shared strings are untouched", async () => {
    const workbookXml = (await parts(output)).get("xl/workbook.xml")?.toString("utf8") ?? "";
    expect(workbookXml).toMatch(/<sheet name="Rapport 2025" sheetId="3" r:id="rId\d+"\/><\/sheets>/);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Rapport 2025&apos;!$2:$2</definedName>`);
    const sheetXml = (await parts(output)).get("xl/worksheets/sheet3.xml")?.toString("utf8") ?? "";
    expect(sheetXml).not.toMatch(/t="s"/);
    expect(sheetXml).not.toContain("tabSelected");
    expect(sheetXml).toContain(`<hyperlink location="&apos;Conventions&apos;!A2" ref="D5"/>`);
  });

  test("ExcelJS reads the copy: the register's values and looks as they were, the report's values and looks as drafted", async () => {
    const workbook = await loadWorkbook(output);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Conventions", "Notes", "Rapport 2025"]);
    const conventions = workbook.getWorksheet("Conventions");
    expect(conventions?.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FF00B050" } });
    expect(conventions?.getCell("B2").numFmt).toBe("d mmmm yyyy");
    const report = workbook.getWorksheet("Rapport 2025");
    expect(report?.getCell("A1").value).toBe("Titre du rapport");
    expect(report?.getCell("A1").font).toMatchObject({ bold: true, size: 16, color: { argb: "FF1F3864" } });
    expect(report?.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FF2F5597" } });
    expect(report?.getCell("B3").value).toBe(4);
    expect(report?.getCell("A5").numFmt).toBe("dd/mm/yyyy");
    expect(report?.getCell("B5").numFmt).toBe('#,##0.00 "€"');
    expect(report?.getCell("C5").font).toMatchObject({ bold: true, color: { argb: "FF9C0006" } });
    expect(report?.getCell("A1").isMerged && report.getCell("C1").isMerged).toBe(true);
  });

  test("the styles are appended: every list keeps its entries at their index; a second copy reuses what the first appended", async () => {
    const before = (await parts(input)).get("xl/styles.xml")?.toString("utf8") ?? "";
    const after = (await parts(output)).get("xl/styles.xml")?.toString("utf8") ?? "";
    for (const [list, entry] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["numFmts", "numFmt"]]) {
      const kept = styleEntries(before, list, entry);
      expect([list, styleEntries(after, list, entry).slice(0, kept.length)]).toEqual([list, kept]);
    }
    // The register's "d mmmm yyyy" kept its id; the report's formats took new ones.
    expect(styleEntries(after, "numFmts", "numFmt")[0]).toBe(styleEntries(before, "numFmts", "numFmt")[0]);
    expect(styleEntries(after, "dxfs", "dxf")).toHaveLength(1);
    expect(after).toMatch(/<cellXfs count="(\d+)">/);
    expect(Number(/<cellXfs count="(\d+)">/.exec(after)?.[1])).toBe(styleEntries(after, "cellXfs", "xf").length);

    const twice = await patched(output);
    const again = (await parts(twice)).get("xl/styles.xml")?.toString("utf8") ?? "";
    for (const [list, entry] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["numFmts", "numFmt"]]) {
      expect([list, styleEntries(again, list, entry).length]).toEqual([list, styleEntries(after, list, entry).length]);
    }
    // The second sheet and table take the next free names; table ids stay unique.
    const second = await parts(twice);
    expect(second.get("xl/workbook.xml")?.toString("utf8")).toContain(`name="Rapport 2025 (2)" sheetId="4"`);
    expect(second.get("xl/tables/table2.xml")?.toString("utf8")).toMatch(/ id="2" name="Rapport2025_2" displayName="Rapport2025_2"/);
  });
});

describe("addSheetsToPackage: names, dates and texts", () => {
  test("a table never takes a name the workbook's tables or defined names hold (Excel would call the file damaged)", async () => {
    const input = await register((workbook) => {
      workbook.definedNames.add("'Notes'!$A$1", "Rapport2025");
      const notes = workbook.getWorksheet("Notes");
      notes?.addTable({ name: "Rapport2025_2", ref: "C1", headerRow: true, columns: [{ name: "X" }], rows: [[1]] });
    });
    const output = await parts(await patched(input));
    const tables = [...output].filter(([name]) => name.startsWith("xl/tables/")).map(([, xml]) => xml.toString("utf8"));
    expect(tables.map((xml) => /\sname="([^"]*)"/.exec(xml)?.[1]).sort()).toEqual(["Rapport2025_2", "Rapport2025_3"]);
    expect(new Set(tables.map((xml) => /<table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1])).size).toBe(2);
  });

  test("in a workbook that counts days from 1904, the report's dates fall on the same days", async () => {
    const input = await register((workbook) => {
      workbook.properties.date1904 = true;
    });
    const sheetXml = (await parts(await patched(input))).get("xl/worksheets/sheet3.xml")?.toString("utf8") ?? "";
    expect(sheetXml).toMatch(/<c r="A5" s="\d+"><v>44023<\/v><\/c>/); // 45485 − 1462: 12/07/2024 in the 1904 system
  });

  test("texts keep every character: control characters, CR and a text that looks like Excel's escape", async () => {
    const texts = ["a\u0007b", "ligne\r\nsuivante", "_x003D_1+1", "=1+1", "tab\tgardée", "\u001b[31m"];
    const output = await patched(await register(), [{ name: "Textes", rows: texts.map((text) => [textCell(text)]) }]);
    const sheetXml = (await parts(output)).get("xl/worksheets/sheet3.xml")?.toString("utf8") ?? "";
    const cells = [...sheetXml.matchAll(/<c r="A(\d+)"[^>]*t="inlineStr"><is>([\s\S]*?)<\/is><\/c>/g)].map((m) => decodeXmlText(m[2].replace(/<[^>]+>/g, "")));
    expect(cells).toEqual(texts);
  });

  test("a new workbook: each draft a sheet, in order", async () => {
    const output = await patched(null, [draft, { name: "Deuxième", rows: [[textCell("B")]] }]);
    const workbook = await loadWorkbook(output);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Rapport 2025", "Deuxième"]);
    expect(workbook.getWorksheet("Deuxième")?.getCell("A1").value).toBe("B");
    expect(workbook.getWorksheet("Rapport 2025")?.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
  });
});

describe("addSheetsToPackage: packages of other writers, and refusals", () => {
  /** The register's index parts rewritten the way some writers do: prefixed elements ("x:sheet"), absolute targets. */
  async function prefixedRegister(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await register());
    const prefix = (xml: string, namespace: string): string =>
      xml.replace(`xmlns="${namespace}"`, `xmlns:x="${namespace}"`).replace(/<(\/?)(?![?!])([A-Za-z]+)(?=[\s/>])/g, "<$1x:$2");
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    for (const part of ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      zip.file(part, prefix((await zip.file(part)?.async("string")) ?? "", main));
    }
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/Target="(?!\/)/g, 'Target="/xl/'));
    return zip.generateAsync({ type: "uint8array" });
  }

  test("prefixed elements and absolute targets: what is added takes the part's prefix, and LibreOffice opens the copy", async () => {
    const input = await prefixedRegister();
    const output = await parts(await patched(input));
    const workbookXml = output.get("xl/workbook.xml")?.toString("utf8") ?? "";
    expect(workbookXml).toMatch(/<x:sheet name="Rapport 2025" sheetId="3" r:id="rId\d+"\/><\/x:sheets>/);
    expect(workbookXml).toContain(`<x:definedName name="_xlnm.Print_Titles" localSheetId="2">`);
    const styles = output.get("xl/styles.xml")?.toString("utf8") ?? "";
    expect(styles).not.toMatch(/<(font|fill|border|xf|numFmt|dxf)\b/);
    expect(styles).toMatch(/<x:dxfs count="1"><x:dxf>/);
    const file = join(temp.dir, "prefixe-rapport.xlsx");
    writeFileSync(file, await patched(input));
    if (spawnSync("soffice", ["--version"]).error !== undefined) return; // LibreOffice's own check is in tests/cli/thirdPartyRegisters.test.ts too
    const [converted] = libreOfficeConvertAll([file], temp.dir, "xlsx");
    expect(converted).not.toBeNull();
    const roundTrip = await parts(readFileSync(converted ?? ""));
    expect(roundTrip.get("xl/workbook.xml")?.toString("utf8")).toMatch(/<sheet name="Rapport 2025"/);
    expect([...roundTrip.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(1);
  }, 120_000);

  test("refused with a reason, nothing dropped: not a zip, no workbook part, a Strict Open XML workbook, a part inflating past the limit, no room left for cell formats", async () => {
    expect(await addSheetsToPackage(new TextEncoder().encode("pas un zip"), [draft])).toEqual({ ok: false, error: { code: "not_a_package" } });
    const empty = new JSZip();
    empty.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
    expect(await addSheetsToPackage(await empty.generateAsync({ type: "uint8array" }), [draft])).toEqual({ ok: false, error: { code: "missing_part", part: "_rels/.rels" } });

    const strict = await JSZip.loadAsync(await register());
    const workbookXml = (await strict.file("xl/workbook.xml")?.async("string")) ?? "";
    strict.file("xl/workbook.xml", workbookXml.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"));
    expect(await addSheetsToPackage(await strict.generateAsync({ type: "uint8array" }), [draft])).toEqual({ ok: false, error: { code: "strict_workbook" } });

    // A part that inflates past the limit is refused as it inflates, never held whole.
    const bomb = new JSZip();
    bomb.file("xl/styles.xml", `<styleSheet>${" ".repeat(5_000_000)}</styleSheet>`);
    const loaded = await JSZip.loadAsync(await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    await expect(partText(loaded, "xl/styles.xml", 1_000_000)).rejects.toMatchObject({ code: "part_too_large", part: "xl/styles.xml" });
    expect((await partText(loaded, "xl/styles.xml"))?.length).toBe(5_000_025);

    const full = await JSZip.loadAsync(await register());
    const styles = (await full.file("xl/styles.xml")?.async("string")) ?? "";
    const xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(63_999);
    full.file("xl/styles.xml", styles.replace(/<cellXfs count="\d+">/, `<cellXfs count="64000">${xfs}`));
    const refused = await addSheetsToPackage(await full.generateAsync({ type: "uint8array" }), [draft]);
    expect(refused).toEqual({ ok: false, error: { code: "too_many_styles" } });
    if (!refused.ok) {
      expect(cliErrorMessage({ code: "copy_impossible", path: "registre.xlsx", error: refused.error })).toBe(
        "La copie du classeur « registre.xlsx » ne peut pas être faite sans en perdre une partie (le classeur a déjà le nombre maximal de formats de cellule qu'Excel accepte) : rien n'est écrit.",
      );
    }
  });
});
