/**
 * Where the register's tables sit in a workbook that staff already keep: which sheet, which header
 * row, which column holds which field. Found from the headers by normalised synonyms (see
 * headerKey), or given by an explicit mapping that overrides the guess; never a guess for a
 * required column that cannot be found: that is a problem naming it.
 */
import { CommitteeType, TableKey } from "./registerSchema";

/** A column of a sheet: 0-based index, its letters and the header text read there. */
export interface ColumnRef {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** "Durée (ans)" holds years; every other duration column holds months. */
  readonly unit?: "months" | "years";
}

/** A column of the conventions sheet holding one comité date per convention ("Comité 1", "Comité S1 2025"). */
export interface InlineCommitteeColumn extends ColumnRef {
  readonly type: CommitteeType;
}

export interface TableMapping {
  readonly table: TableKey;
  readonly sheet: string;
  /** Excel row (1-based) of the headers; data starts below it. */
  readonly headerRow: number;
  /** Field key (see registerSchema) → column. */
  readonly columns: Readonly<Record<string, ColumnRef>>;
  /** Conventions only: comité dates kept as repeated columns of the conventions sheet. */
  readonly inlineCommittees: readonly InlineCommitteeColumn[];
  /** Headers of the table's row that map to no field (left alone). */
  readonly ignored: readonly ColumnRef[];
  /** "explicit" when a mapping file chose the sheet or a column. */
  readonly origin: "detected" | "explicit";
}

export interface RegisterMapping {
  readonly conventions: TableMapping;
  readonly committees: TableMapping | null;
  readonly deadlines: TableMapping | null;
  readonly amendments: TableMapping | null;
}

/**
 * What is wrong with a mapping file itself (the JSON of `--colonnes`); `where` is the path of keys
 * to the wrong value ("conventions", "ligne").
 */
export type MappingFileProblem =
  /** The file holds something else than one JSON object. */
  | { readonly kind: "not_an_object" }
  /** A table name none of conventions, comites, echeances, avenants. */
  | { readonly kind: "unknown_table"; readonly name: string }
  /** Keys other than feuille, ligne, colonnes. */
  | { readonly kind: "unknown_keys"; readonly where: readonly string[]; readonly keys: readonly string[] }
  /** A header row that is no whole number from 1. */
  | { readonly kind: "bad_header_row"; readonly where: readonly string[] }
  /** A sheet or column name that is no text, or an empty one. */
  | { readonly kind: "not_text"; readonly where: readonly string[] }
  /** A column named for no field of the table; `known` lists the fields' labels. */
  | { readonly kind: "unknown_field"; readonly name: string; readonly known: readonly string[] };

/**
 * Why a workbook cannot be read as a register, a union keyed on `code`: phrased by
 * mappingProblemMessage (src/i18n/register.fr.ts). `field` is a field's French label.
 */
export type MappingProblem =
  /** The workbook holds no sheet with any value. */
  | { readonly code: "empty_workbook" }
  /** No sheet has headers that look like a conventions table; `sheetsRead` names the sheets with values. */
  | { readonly code: "no_conventions_table"; readonly sheetsRead: readonly string[] }
  /** A table was found but a required column (`field`) is not there; `headersRead` lists the headers of its row. */
  | {
      readonly code: "missing_column";
      readonly table: TableKey;
      readonly sheet?: string;
      readonly field: string;
      readonly headersRead: readonly string[];
    }
  /** The mapping file names a sheet the workbook does not have; `sheets` are the workbook's. */
  | { readonly code: "unknown_sheet"; readonly table: TableKey; readonly sheet: string; readonly sheets: readonly string[] }
  /** The mapping file names a column (`column`: a header or letters) the sheet does not have. */
  | { readonly code: "unknown_column"; readonly table: TableKey; readonly sheet: string; readonly field: string; readonly column: string }
  /** The mapping file itself cannot be used. */
  | { readonly code: "invalid_mapping"; readonly table?: TableKey; readonly problem: MappingFileProblem };

export type MappingProblemCode = MappingProblem["code"];

export type MappingResult =
  | { readonly ok: true; readonly mapping: RegisterMapping }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };
