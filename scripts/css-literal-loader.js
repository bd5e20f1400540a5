/**
 * Webpack loader for Fluent UI's style modules (@fluentui/web-components: *.styles.js and the
 * style partials): the CSS inside their css`…` templates ships as written, indented and
 * commented, and terser cannot touch the inside of a template. This takes out the comments and the
 * whitespace CSS does not need, leaving the interpolations (`${colorNeutralForeground1}`, …) and
 * quoted strings as they are. One space is kept wherever whitespace may separate two tokens.
 */
"use strict";

/** Minifies CSS text that sits between two interpolations (never inside one). */
function minifyCssText(text) {
  // Quoted strings are kept whole; comments only go where no string is open.
  return text
    .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/\/\*[\s\S]*?\*\//g, " ")
        .replace(/\s+/g, " ")
        .replace(/ ?([{};,]) ?/g, "$1")
        .replace(/: /g, ":");
    })
    .join("");
}

/**
 * The end of a template literal's interpolation: `source[start]` follows "${"; returns the index
 * of its closing "}", skipping strings, nested templates and braces.
 */
function interpolationEnd(source, start) {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (c === "'" || c === '"') {
      i = stringEnd(source, i, c);
    } else if (c === "`") {
      i = templateEnd(source, i + 1).end;
    } else if (c === "{") {
      depth += 1;
    } else if (c === "}") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  throw new Error("interpolation sans fin");
}

function stringEnd(source, start, quote) {
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === "\\") i += 1;
    else if (source[i] === quote) return i;
  }
  throw new Error("chaîne sans fin");
}

/** The parts of a template literal whose text starts at `start` (after "`"): text and interpolations, and the index of the closing "`". */
function templateEnd(source, start) {
  const parts = [];
  let text = start;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (c === "\\") {
      i += 1;
    } else if (c === "`") {
      parts.push({ text: source.slice(text, i) });
      return { parts, end: i };
    } else if (c === "$" && source[i + 1] === "{") {
      parts.push({ text: source.slice(text, i) });
      const end = interpolationEnd(source, i + 2);
      parts.push({ code: source.slice(i, end + 1) });
      i = end;
      text = end + 1;
    }
  }
  throw new Error("gabarit sans fin");
}

/** The module's source with the CSS of each css`…` / css.partial`…` template minified. */
function minifyCssTemplates(source) {
  const tag = /\bcss(?:\.partial)?\s*`/g;
  let out = "";
  let from = 0;
  for (let m = tag.exec(source); m !== null; m = tag.exec(source)) {
    const start = m.index + m[0].length;
    const { parts, end } = templateEnd(source, start);
    // An escape sequence in the CSS is left alone with the whole template.
    if (parts.some((p) => p.text !== undefined && p.text.includes("\\"))) continue;
    out += source.slice(from, start) + parts.map((p) => (p.text !== undefined ? minifyCssText(p.text) : p.code)).join("");
    from = end;
    tag.lastIndex = end + 1;
  }
  return out + source.slice(from);
}

module.exports = function cssLiteralLoader(source) {
  return minifyCssTemplates(source);
};
module.exports.minifyCssTemplates = minifyCssTemplates;
module.exports.minifyCssText = minifyCssText;
