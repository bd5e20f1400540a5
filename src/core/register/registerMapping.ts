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

/** Why a workbook cannot be read as a register: phrased by mappingProblemMessage (src/i18n/register.fr.ts). */
export type MappingProblemCode =
  /** The workbook holds no sheet with any value. */
  | "empty_workbook"
  /** No sheet has headers that look like a conventions table. */
  | "no_conventions_table"
  /** A table was found but a required column is not there (`field` is its label). */
  | "missing_column"
  /** The mapping file names a sheet the workbook does not have. */
  | "unknown_sheet"
  /** The mapping file names a column (header or letters) the sheet does not have. */
  | "unknown_column"
  /** The mapping file itself cannot be used (`detail` says why). */
  | "invalid_mapping";

export interface MappingProblem {
  readonly code: MappingProblemCode;
  readonly table?: TableKey;
  /** The French label of the field concerned. */
  readonly field?: string;
  readonly sheet?: string;
  /** Headers read, the column asked for, or what is wrong with the mapping file. */
  readonly detail?: string;
}

export type MappingResult =
  | { readonly ok: true; readonly mapping: RegisterMapping }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };
