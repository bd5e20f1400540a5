/** Types of scripts/css-literal-loader.js, for the TypeScript test that calls it. */
declare function cssLiteralLoader(source: string): string;
declare namespace cssLiteralLoader {
  function minifyCssTemplates(source: string): string;
  function minifyCssText(text: string): string;
}
export = cssLiteralLoader;
