/**
 * What the command line prints goes to a terminal, and a register's text (a title, a reference, a
 * deliberation's sentence) may hold control characters: an escape sequence recolours, clears or
 * retitles the terminal, a line end forges a line of the report. They are shown, never sent.
 */

/**
 * C0 controls but the tab, DEL, the C1 controls (U+0080–U+009F, which some terminals obey), and
 * the invisible marks that reorder or break a line: the bidirectional controls (U+200E/U+200F,
 * U+202A–U+202E, U+2066–U+2069, U+061C: "‮" shows a text backwards) and the line and paragraph
 * separators (U+2028, U+2029).
 */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * A line for the terminal: each C0 control (the tab kept) and DEL as its Unicode picture
 * (␛, ␍, ␊, ␡), a C1 control or a bidirectional or separator mark, which have none, as U+FFFD.
 * @example terminalLine("\u001b[2J=1+1") // "␛[2J=1+1"
 */
export function terminalLine(line: string): string {
  return line.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/**
 * A value as JSON for the terminal: JSON.stringify already escapes the C0 controls; DEL, the C1
 * controls and the bidirectional and separator marks are escaped too (\u007f, \u202e…), which
 * leaves the data the same for any JSON reader.
 * @example jsonText({ title: "a\u009bb" }) // '{"title":"a\\u009bb"}'
 */
export function jsonText(value: unknown, indent?: number): string {
  return jsonControls(JSON.stringify(value, null, indent));
}

/**
 * JSON text with DEL and the C1 controls escaped (what jsonText adds to JSON.stringify), for JSON
 * written piece by piece.
 * @example jsonControls('"a\u009bb"') // '"a\\u009bb"'
 */
export function jsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
