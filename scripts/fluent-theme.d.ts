/** Types of scripts/fluent-theme.js, for the TypeScript test that calls it. */
export declare const THEME_FILE: string;
export declare function definedComponents(source: string): string[];
export declare function usedFluentTokens(components: readonly string[], extraCss?: string): string[];
export declare function fluentThemeSource(): string;
