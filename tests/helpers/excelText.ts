/**
 * How Excel reads a text written in an .xlsx part, for the tests that look at the raw XML: XML's
 * entities and character references, then Excel's "_xHHHH_" escapes.
 * @example decodeXmlText("a_x0007_b &amp; c") // "a\u0007b & c"
 */
export function decodeXmlText(xml: string): string {
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&")
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, n: string) => String.fromCharCode(parseInt(n, 16)));
}
