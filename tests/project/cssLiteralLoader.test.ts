/**
 * scripts/css-literal-loader.js, which minifies the CSS of Fluent's css`…` templates in the build:
 * only what CSS does not read goes (comments, indentation, spaces around punctuation); selectors,
 * values, strings and interpolations are kept as they are.
 */
import { minifyCssTemplates } from "../../scripts/css-literal-loader";

const styleModule = (template: string): string => `import { css } from '@microsoft/fast-element';\nexport const styles = ${template};\n`;

describe("css-literal-loader", () => {
  test("takes out comments, indentation and the spaces around { } ; , and after :", () => {
    const source = styleModule("css `\n  /* the host */\n  :host {\n    color: ${colorNeutralForeground1};\n    margin: 0 , 1px;\n  }\n`");
    expect(minifyCssTemplates(source)).toBe(styleModule("css ` :host{color:${colorNeutralForeground1};margin:0,1px;}`"));
  });

  test("keeps the spaces CSS reads: descendant combinators, value lists, around interpolations", () => {
    const source = styleModule("css `:host  ::slotted([slot='tab'])::after {\n  border: 1px   solid ${stroke};\n  grid-column: 1 / -1;\n  padding: ${a} ${b};\n}`");
    expect(minifyCssTemplates(source)).toBe(
      styleModule("css `:host ::slotted([slot='tab'])::after{border:1px solid ${stroke};grid-column:1 / -1;padding:${a} ${b};}`"),
    );
  });

  test("leaves quoted strings and interpolations untouched, however they nest", () => {
    const source = styleModule("css.partial `\n  ${display('inline-flex')}\n  :host::before { content: ' ;  { x } '; }\n  ${flag ? `a { b }` : \"}\"}\n`");
    expect(minifyCssTemplates(source)).toBe(styleModule("css.partial ` ${display('inline-flex')} :host::before{content:' ;  { x } ';}${flag ? `a { b }` : \"}\"} `"));
  });

  test("leaves a template with an escape sequence, and other tags, as they are", () => {
    const escaped = styleModule("css `\n  :host { content: '\\\\2014'; }\n`");
    expect(minifyCssTemplates(escaped)).toBe(escaped);
    const markup = "export const template = html `\n  <slot name=\"icon\"></slot>\n  <div class=\"content\">  </div>\n`;\n";
    expect(minifyCssTemplates(markup)).toBe(markup);
  });

  test("minifies every css template of a module", () => {
    const source = `${styleModule("css `\n  a { b: c; }\n`")}export const more = css \`\n  d { e: f; }\n\`;\n`;
    expect(minifyCssTemplates(source)).toBe(`${styleModule("css ` a{b:c;}`")}export const more = css \` d{e:f;}\`;\n`);
  });
});
