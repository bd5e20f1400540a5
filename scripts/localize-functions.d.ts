/** Types of scripts/localize-functions.js, for the TypeScript tests that call it. */
export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean | undefined>;
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

export interface FrenchTexts {
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly description: string;
    readonly parameters: readonly { readonly id: string; readonly name: string; readonly optional: boolean; readonly description: string }[];
  }[];
}

export function localizeFunctionsMetadata(metadata: FunctionsMetadata, fr: FrenchTexts): FunctionsMetadata;
