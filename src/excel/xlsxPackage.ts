/**
 * What ExcelJS cannot write, or not in time, done on the saved file's zip before it reaches the disk:
 * - texts escaped as Excel escapes them, so that they read back the same ("_x003D_", CR);
 * - links, written as Excel writes them: a `location`, and a relationship only to another file;
 * - charts: for each, a DrawingML chart part (a clustered column chart whose series point at the
 *   sheet's own cells, with the values cached so that a reader need not recompute), a drawing that
 *   anchors it on its cells, their relationships and content types.
 * Excel opens the result without repair and LibreOffice draws the charts.
 */
import JSZip from "jszip";
import { ChartDraft, DraftCell, SheetDraft, areaAddress, quoteSheet } from "../plans/sheetDraft";
import {
  CONTENT_TYPE,
  ContentTypes,
  NS as PACKAGE_NS,
  REL_TYPE,
  addRelationships,
  freePartName,
  parseRelationships,
  partNames,
  relationshipXml,
  relationshipsXml,
  relativeTarget,
  relsPathOf,
} from "./opcPackage";
import { attribute, escapeXml, xmlDeclaration } from "./xmlText";

/** A draft rendered on a sheet of the saved file (by its final name): its charts are added to the file. */
export interface RenderedSheet {
  readonly sheet: string;
  readonly draft: SheetDraft;
}

/** A chart to add to a sheet of the saved file, with the values its cells hold (the caches). */
interface PendingChart {
  readonly sheet: string;
  readonly chart: ChartDraft;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/** Series colours: the add-in's blue, then a grey. */
const SERIES_COLOURS = ["A5A5A5", "2F5597", "C00000", "7F6000"];
const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  rel: PACKAGE_NS.rel,
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
/**
 * What follows <drawing> in a worksheet (CT_Worksheet: … headerFooter, rowBreaks, colBreaks,
 * customProperties, cellWatches, ignoredErrors, smartTags, drawing, legacyDrawing, …, tableParts, extLst).
 */
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/**
 * The chart of a draft with the values of its data area: categories from the first column, one
 * series per next column (its name in the header row).
 */
function pendingChart(sheet: string, draft: SheetDraft, chart: ChartDraft): PendingChart {
  const at = (row: number, column: number): DraftCell => draft.rows[row]?.[column] ?? null;
  const { data } = chart;
  const bodyRows = Array.from({ length: data.rowCount - 1 }, (_, i) => data.row + 1 + i);
  return {
    sheet,
    chart,
    categories: bodyRows.map((row) => cellText(at(row, data.column))),
    series: Array.from({ length: data.columnCount - 1 }, (_, i) => {
      const column = data.column + 1 + i;
      return { name: cellText(at(data.row, column)), values: bodyRows.map((row) => cellNumber(at(row, column))) };
    }),
  };
}

function cellText(cell: DraftCell): string {
  if (cell === null) return "";
  if (cell.kind === "text") return cell.text;
  if (cell.kind === "number" || cell.kind === "boolean") return String(cell.value);
  return "";
}

function cellNumber(cell: DraftCell): number {
  return cell !== null && cell.kind === "number" ? cell.value : 0;
}

/**
 * The bytes of an .xlsx file written by ExcelJS, completed: texts escaped, internal links fixed, the
 * rendered drafts' charts added.
 * @example await completeXlsx(await workbook.xlsx.writeBuffer(), [{ sheet: "Rapport 2025", draft }])
 */
export async function completeXlsx(bytes: Uint8Array, rendered: readonly RenderedSheet[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await escapeSharedStrings(zip);
  await completePackage(zip, rendered);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A package written by ExcelJS completed in place: internal links written as Excel writes them,
 * the rendered drafts' charts added. Its texts are left as they are (see escapeSharedStrings).
 */
export async function completePackage(zip: JSZip, rendered: readonly RenderedSheet[]): Promise<void> {
  const sheetParts = await sheetPartsByName(zip);
  for (const part of sheetParts.values()) await internalLinks(zip, part);
  await addCharts(zip, sheetParts, rendered.flatMap(({ sheet, draft }) => (draft.charts ?? []).map((chart) => pendingChart(sheet, draft, chart))));
}

/**
 * ExcelJS writes each text as it is, but whoever reads the file (Excel, LibreOffice, ExcelJS
 * itself) decodes "_xHHHH_" as Excel's escape of a character and reads a CR as a line feed (XML's
 * line ends): a title "_x003D_1+1" would come back "=1+1". The shared strings get Excel's own
 * escapes instead, so that every text reads back as it was written: "_x005F_" (an underscore)
 * before a "_xHHHH_" of the text, "_x000D_" for a CR.
 */
async function escapeSharedStrings(zip: JSZip): Promise<void> {
  const path = "xl/sharedStrings.xml";
  if (zip.file(path) === null) return;
  const xml = await text(zip, path);
  zip.file(path, xml.replace(/(<t\b[^>]*>)([^<]*)(<\/t>)/g, (_, open: string, body: string, close: string) => `${open}${excelEscapes(body)}${close}`));
}

/** "_x0041_" → "_x005F_x0041_", CR → "_x000D_" (Excel's escapes; the XML entities are left as they are). */
function excelEscapes(body: string): string {
  return body.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

/**
 * ExcelJS writes every link as an external relationship whose target is the whole address
 * ("#'Conventions'!A5", "culture.xlsx#'Suivi'!B4"). Each becomes what Excel writes: the cell after
 * the "#" as the `location` of its <hyperlink>; a link within the workbook loses its relationship,
 * a link to another file keeps it with the file alone as its target.
 */
async function internalLinks(zip: JSZip, sheetPart: string): Promise<void> {
  const relsPath = relsPathOf(sheetPart);
  if (zip.file(relsPath) === null) return;
  const targets = new Map<string, { readonly location: string; readonly external: boolean }>();
  // One pass over each part: an alerts sheet has tens of thousands of links.
  const rels = (await text(zip, relsPath)).replace(/<Relationship\b[^>]*>/g, (tag) => {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    const hash = target === null ? -1 : target.indexOf("#");
    if (id === null || target === null || hash < 0 || attribute(tag, "Type") !== REL_TYPE.hyperlink) return tag;
    const file = target.slice(0, hash);
    targets.set(id, { location: target.slice(hash + 1), external: file !== "" });
    return file === "" ? "" : tag.replace(/\sTarget="[^"]*"/, ` Target="${escapeXml(file)}"`);
  });
  if (targets.size === 0) return;
  const sheet = (await text(zip, sheetPart)).replace(/<hyperlink\b[^>]*>/g, (tag) => {
    const id = attribute(tag, "r:id");
    const target = id === null ? undefined : targets.get(id);
    if (target === undefined) return tag;
    const bare = tag.replace(/\s(r:id|location)="[^"]*"/g, "");
    const relation = target.external ? ` r:id="${escapeXml(id ?? "")}"` : "";
    return bare.replace(/^<hyperlink\b/, `<hyperlink${relation} location="${escapeXml(target.location)}"`);
  });
  zip.file(sheetPart, sheet);
  zip.file(relsPath, rels);
}

/** Adds each chart to its sheet: chart part, drawing, relationships, content types. */
async function addCharts(zip: JSZip, sheetParts: ReadonlyMap<string, string>, charts: readonly PendingChart[]): Promise<void> {
  if (charts.length === 0) return;
  const contentTypes = ContentTypes.parse(await text(zip, "[Content_Types].xml"));
  const taken = partNames(zip);

  const bySheet = new Map<string, PendingChart[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  for (const [sheet, sheetCharts] of bySheet) {
    const part = sheetParts.get(sheet);
    if (part === undefined) throw new Error(`No worksheet part for ${sheet}`);
    const drawing = freePartName(taken, "xl/drawings/drawing", ".xml");
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    sheetCharts.forEach((chart, i) => {
      const chartPart = freePartName(taken, "xl/charts/chart", ".xml");
      zip.file(chartPart, chartXml(chart));
      contentTypes.add(chartPart, CONTENT_TYPE.chart);
      drawingRels.push(relationshipXml(`rId${i + 1}`, REL_TYPE.chart, relativeTarget(drawing, chartPart)));
      anchors.push(anchorXml(chart.chart, `rId${i + 1}`, i + 2));
    });
    zip.file(drawing, xmlDeclaration(`<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.main}">${anchors.join("")}</xdr:wsDr>`));
    zip.file(relsPathOf(drawing), relationshipsXml(drawingRels));
    contentTypes.add(drawing, CONTENT_TYPE.drawing);
    await linkDrawing(zip, part, relativeTarget(part, drawing));
  }
  zip.file("[Content_Types].xml", contentTypes.toString());
}

/** Worksheet part paths ("xl/worksheets/sheet3.xml") by sheet name, from the workbook and its relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const targets = new Map(parseRelationships("xl/workbook.xml", await text(zip, "xl/_rels/workbook.xml.rels")).map((r) => [r.id, r.part]));
  const parts = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    const target = targets.get(attribute(tag, "r:id") ?? "");
    if (name !== null && typeof target === "string") parts.set(name, target);
  }
  return parts;
}

/** Adds the drawing to the worksheet's relationships and a <drawing> element where the schema wants it. */
async function linkDrawing(zip: JSZip, sheetPart: string, drawingTarget: string): Promise<void> {
  const relsPath = relsPathOf(sheetPart);
  const existing = zip.file(relsPath) === null ? null : await text(zip, relsPath);
  const added = addRelationships(existing, [{ type: REL_TYPE.drawing, target: drawingTarget }], "rIdChart");
  zip.file(relsPath, added.xml);

  let sheet = await text(zip, sheetPart);
  if (/<drawing\b/.test(sheet)) throw new Error(`${sheetPart} already has a drawing`);
  if (!sheet.includes(`xmlns:r="${NS.rel}"`)) sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  const at = sheet.search(AFTER_DRAWING);
  zip.file(sheetPart, `${sheet.slice(0, at)}<drawing r:id="${added.ids[0]}"/>${sheet.slice(at)}`);
}

/** The anchor of a chart on its cells (from its top-left cell to the cell after its bottom-right one). */
function anchorXml(chart: ChartDraft, relId: string, shapeId: number): string {
  const { anchor } = chart;
  const corner = (tag: string, column: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">` +
    corner("from", anchor.column, anchor.row) +
    corner("to", anchor.column + anchor.columnCount, anchor.row + anchor.rowCount) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A clustered column chart: one category per data row, one series per data column, values shown on the bars. */
function chartXml(pending: PendingChart): string {
  const { chart, sheet } = pending;
  const { data } = chart;
  const ref = (row: number, column: number, rowCount = 1): string =>
    `${quoteSheet(sheet)}!${areaAddress({ row, column, rowCount, columnCount: 1 }).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
  const categories = strRef(ref(data.row + 1, data.column, data.rowCount - 1), pending.categories);
  const series = pending.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(ref(data.row, data.column + 1 + i), [s.name])}</c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(900, true)}<c:dLblPos val="outEnd"/>` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat>${categories}</c:cat>` +
        `<c:val>${numRef(ref(data.row + 1, data.column + 1 + i, data.rowCount - 1), s.values)}</c:val></c:ser>`,
    )
    .join("");
  const axis = `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  return xmlDeclaration(
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}"><c:lang val="fr-FR"/><c:roundedCorners val="0"/>` +
      `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
      `<a:r><a:rPr lang="fr-FR" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
      `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
      `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
      `<c:numFmt formatCode="General" sourceLinked="0"/>${axis}${textProperties(1000, false)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/>` +
      `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
      `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
      `<c:numFmt formatCode="0" sourceLinked="0"/>${axis}${textProperties(900, false)}<c:crossAx val="50010001"/><c:crosses val="autoZero"/>` +
      `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
      `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(1000, false)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
      `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
      `${textProperties(1000, false)}</c:chartSpace>`,
  );
}

/** Arial at a size (hundredths of a point), as the sheet's cells. */
function textProperties(size: number, bold: boolean): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold ? ' b="1"' : ""}><a:latin typeface="Arial"/></a:defRPr></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`;
}

function strRef(formula: string, values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeXml(formula)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(formula: string, values: readonly number[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${escapeXml(formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`No ${path} in the workbook`);
  return file.async("string");
}

