import { z } from "zod/mini";
import { headerKey } from "./headerKey";
import { normalizeText } from "../text/normalizeText";
import {
  ColumnRef,
  InlineCommitteeColumn,
  MappingProblem,
  MappingResult,
  RegisterMapping,
  TableMapping,
  MappingFileProblem,
} from "./registerMapping";
import { CommitteeType, FieldSpec, TABLES, TABLE_KEYS, TableKey, tableFields } from "./registerSchema";
import { SheetGrid, columnIndex, columnLetter } from "../cells/sheetGrid";

/** Rows searched for the headers, from the top of each sheet (title rows come first). */
const HEADER_SEARCH_ROWS = 30;

/** One table's part of a mapping file: the sheet, its header row, and columns chosen by hand. */
export interface ExplicitTable {
  readonly sheet?: string;
  readonly headerRow?: number;
  /** Field (key, label or synonym) → header text or column letters; null: the table has no such column. */
  readonly columns?: Readonly<Record<string, string | null>>;
}

/** A mapping file: per table, an explicit choice, or null when the workbook has no such table. */
export type ExplicitMapping = Partial<Record<TableKey, ExplicitTable | null>>;

const TABLE_NAMES: Record<string, TableKey> = {
  conventions: "conventions",
  convention: "conventions",
  comites: "committees",
  comite: "committees",
  committees: "committees",
  echeances: "deadlines",
  echeance: "deadlines",
  deadlines: "deadlines",
  avenants: "amendments",
  avenant: "amendments",
  amendments: "amendments",
};

const nonEmptyText = () => z.string().check(z.trim(), z.minLength(1));
const explicitTableSchema = z.strictObject({
  feuille: z.optional(nonEmptyText()),
  ligne: z.optional(z.int().check(z.minimum(1), z.maximum(HEADER_SEARCH_ROWS * 10))),
  colonnes: z.optional(z.record(z.string(), z.nullable(nonEmptyText()))),
});

const ENTRY_ALIASES: Record<string, "feuille" | "ligne" | "colonnes"> = {
  feuille: "feuille",
  sheet: "feuille",
  onglet: "feuille",
  ligne: "ligne",
  "ligne entete": "ligne",
  "ligne en tete": "ligne",
  headerrow: "ligne",
  colonnes: "colonnes",
  columns: "colonnes",
};

/**
 * A mapping file's JSON, checked: French keys ("feuille", "ligne", "colonnes"), tables named
 * "conventions", "comites", "echeances", "avenants" (accents and case ignored).
 * @example parseExplicitMapping({ conventions: { feuille: "Suivi", colonnes: { "Date de notification": "Signée le" } } })
 */
export function parseExplicitMapping(json: unknown): { ok: true; value: ExplicitMapping } | { ok: false; problems: MappingProblem[] } {
  const invalid = (problem: MappingFileProblem) => ({ ok: false as const, problems: [{ code: "invalid_mapping" as const, problem }] });
  if (typeof json !== "object" || json === null || Array.isArray(json)) return invalid({ kind: "not_an_object" });
  const mapping: Partial<Record<TableKey, ExplicitTable | null>> = {};
  for (const [name, entry] of Object.entries(json)) {
    const table = TABLE_NAMES[normalizeText(name)];
    if (table === undefined) return invalid({ kind: "unknown_table", name });
    if (entry === null) {
      mapping[table] = null;
      continue;
    }
    const renamed: Record<string, unknown> = {};
    if (typeof entry === "object" && !Array.isArray(entry)) {
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        renamed[ENTRY_ALIASES[normalizeText(k).replace(/[-_']/g, " ")] ?? k] = v;
      }
    }
    const parsed = explicitTableSchema.safeParse(renamed);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [name, ...issue.path.map(String)];
      if (issue.code === "unrecognized_keys") return invalid({ kind: "unknown_keys", where, keys: issue.keys });
      return invalid(issue.path[0] === "ligne" ? { kind: "bad_header_row", where } : { kind: "not_text", where });
    }
    mapping[table] = { sheet: parsed.data.feuille, headerRow: parsed.data.ligne, columns: parsed.data.colonnes };
  }
  return { ok: true, value: mapping };
}

/** Header key → field key, for each table, from the schema's labels and synonyms. */
const SYNONYMS: Record<TableKey, Map<string, string>> = Object.fromEntries(
  TABLE_KEYS.map((table) => {
    const map = new Map<string, string>();
    for (const field of tableFields(table)) {
      for (const name of [field.label, ...field.synonyms]) {
        const key = headerKey(name).key;
        if (!map.has(key)) map.set(key, field.key);
      }
    }
    return [table, map];
  }),
) as Record<TableKey, Map<string, string>>;

/** The names of two words or more, each with the field it names: a header may begin with one ("Date de notification de la convention"). */
const PREFIXES: Record<TableKey, readonly { prefix: string; field: string; length: number }[]> = Object.fromEntries(
  TABLE_KEYS.map((table) => [
    table,
    [...SYNONYMS[table]].filter(([name]) => name.includes(" ")).map(([name, field]) => ({ prefix: `${name} `, field, length: name.length })),
  ]),
) as Record<TableKey, { prefix: string; field: string; length: number }[]>;

/** The field of a table that a header names, by its folded words. */
export function fieldForHeader(table: TableKey, header: string): string | undefined {
  return SYNONYMS[table].get(headerKey(header).key);
}

const NOT_A_MEETING = new Set(["prochain", "prochaine", "manquant", "manquants", "nombre", "nb", "statut", "alerte", "alertes", "prevu", "prevue"]);
const MEETING_INDEX = /^(\d+|s[12]|t[1-4]|semestre|trimestre|\d+(er|ere|e|eme))$/;

/**
 * Whether a header of the conventions sheet holds one meeting's date per convention: "Comité 1",
 * "Date comité 2", "Comité S1 2025", "Dernier comité", "Club T3 2025". "Prochain comité" and
 * "Comités manquants" (the add-in's own columns) are not meetings held.
 */
export function inlineCommitteeType(header: string): CommitteeType | null {
  const tokens = headerKey(header).key.split(" ").filter((t) => t !== "");
  if (tokens.some((t) => NOT_A_MEETING.has(t))) return null;
  let i = 0;
  while (i < tokens.length && ["date", "dernier", "derniere"].includes(tokens[i])) i += 1;
  let type: CommitteeType | null = null;
  if (tokens[i] === "comite" || tokens[i] === "reunion") {
    type = "steering";
    i += 1;
    while (i < tokens.length && ["suivi", "pilotage", "comite"].includes(tokens[i])) i += 1;
  } else if (tokens[i] === "club") {
    type = "club";
    i += 1;
    if (tokens[i] === "territorial") i += 1;
  }
  if (type === null) return null;
  return tokens.slice(i).every((t) => MEETING_INDEX.test(t)) ? type : null;
}

interface Candidate {
  readonly table: TableKey;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Record<string, ColumnRef>;
  readonly inlineCommittees: InlineCommitteeColumn[];
  readonly ignored: ColumnRef[];
  readonly missing: FieldSpec[];
  readonly hinted: boolean;
  readonly score: number;
}

function cellText(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return null;
}

function sheetHinted(table: TableKey, sheet: string): boolean {
  const name = normalizeText(sheet);
  return TABLES[table].sheetHints.some((hint) => name.includes(hint));
}

/** How one row of a sheet reads as the headers of a table. */
function evaluate(grid: SheetGrid, rowIndex: number, table: TableKey): Candidate {
  const row = grid.values[rowIndex] ?? [];
  const headers: ColumnRef[] = [];
  /** Each header's folded words (headerKey), by column index: computed once per cell. */
  const keys = new Map<number, string>();
  row.forEach((value, index) => {
    const text = cellText(value);
    if (text !== null) {
      const { key, unit } = headerKey(text);
      keys.set(index, key);
      headers.push({ index, letter: columnLetter(index), header: text, ...(unit === null ? {} : { unit }) });
    }
  });
  const columns: Record<string, ColumnRef> = {};
  const used = new Set<number>();
  // Exact names first, then headers that begin with a name of two words or more
  // ("Date de notification de la convention"), so an exact header always wins its field.
  for (const ref of headers) {
    const field = SYNONYMS[table].get(keys.get(ref.index) ?? "");
    if (field !== undefined && columns[field] === undefined) {
      columns[field] = ref;
      used.add(ref.index);
    }
  }
  for (const ref of headers) {
    if (used.has(ref.index)) continue;
    const key = keys.get(ref.index) ?? "";
    let best: { field: string; length: number } | null = null;
    for (const { prefix, field, length } of PREFIXES[table]) {
      if (columns[field] !== undefined || !key.startsWith(prefix)) continue;
      if (best === null || length > best.length) best = { field, length };
    }
    if (best !== null) {
      columns[best.field] = ref;
      used.add(ref.index);
    }
  }
  const inlineCommittees: InlineCommitteeColumn[] = [];
  const ignored: ColumnRef[] = [];
  for (const ref of headers) {
    if (used.has(ref.index)) continue;
    const type = table === "conventions" ? inlineCommitteeType(ref.header) : null;
    if (type !== null) inlineCommittees.push({ ...ref, type });
    else ignored.push(ref);
  }
  const missing = tableFields(table).filter((f) => f.required === true && columns[f.key] === undefined);
  const hinted = sheetHinted(table, grid.name);
  const matched = Object.keys(columns).length;
  return {
    table,
    sheet: grid.name,
    headerRow: rowIndex + 1,
    columns,
    inlineCommittees,
    ignored,
    missing,
    hinted,
    score: matched + (hinted ? 2 : 0) + (inlineCommittees.length > 0 ? 1 : 0),
  };
}

/** The best header row of a sheet for a table (most fields found; the upper row on a tie). */
function bestRow(grid: SheetGrid, table: TableKey): Candidate | null {
  let best: Candidate | null = null;
  const rows = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r += 1) {
    const candidate = evaluate(grid, r, table);
    if (Object.keys(candidate.columns).length === 0) continue;
    if (best === null || rank(candidate) > rank(best)) best = candidate;
  }
  return best;
}

function rank(c: Candidate): number {
  return (c.missing.length === 0 ? 1000 : 0) + c.score * 10 - c.missing.length;
}

function requiredCount(table: TableKey): number {
  return tableFields(table).filter((f) => f.required === true).length;
}

/**
 * A usable table: its required columns found; for the optional tables, more than a chance match
 * too (a sheet name that says so, or a column beyond the required ones).
 */
function usable(c: Candidate): boolean {
  if (c.missing.length > 0) return false;
  return c.table === "conventions" || c.hinted || Object.keys(c.columns).length > requiredCount(c.table);
}

function findSheet(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name) ?? grids.find((g) => normalizeText(g.name) === normalizeText(name));
}

/** Applies a mapping file's columns to a candidate: by header text first, else by column letters. */
function override(
  grid: SheetGrid,
  candidate: Candidate,
  columns: Readonly<Record<string, string | null>>,
): { candidate: Candidate } | { problem: MappingProblem } {
  const table = candidate.table;
  const fields = tableFields(table);
  const chosen: Record<string, ColumnRef> = { ...candidate.columns };
  const row = grid.values[candidate.headerRow - 1] ?? [];
  const dropped: ColumnRef[] = [];
  for (const [name, target] of Object.entries(columns)) {
    const field = fields.find((f) => f.key === name) ?? fields.find((f) => f.key === fieldForHeader(table, name));
    if (field === undefined) {
      return { problem: { code: "invalid_mapping", table, problem: { kind: "unknown_field", name, known: fields.map((f) => f.label) } } };
    }
    if (target === null) {
      // The user said this field has no column: what the guess put there is left alone.
      const guessed = chosen[field.key];
      if (guessed !== undefined) dropped.push(guessed);
      delete chosen[field.key];
      continue;
    }
    let index = row.findIndex((v) => cellText(v) !== null && headerKey(String(v)).key === headerKey(target).key);
    if (index < 0 && /^[A-Z]{1,3}$/.test(target)) index = columnIndex(target) ?? -1;
    if (index < 0) return { problem: { code: "unknown_column", table, sheet: grid.name, field: field.label, column: target } };
    for (const [key, ref] of Object.entries(chosen)) if (ref.index === index) delete chosen[key];
    const header = cellText(row[index]) ?? columnLetter(index);
    const unit = headerKey(header).unit;
    chosen[field.key] = { index, letter: columnLetter(index), header, ...(unit === null ? {} : { unit }) };
  }
  const taken = new Set(Object.values(chosen).map((c) => c.index));
  return {
    candidate: {
      ...candidate,
      columns: chosen,
      inlineCommittees: candidate.inlineCommittees.filter((c) => !taken.has(c.index)),
      ignored: [...candidate.ignored, ...dropped].filter((c) => !taken.has(c.index)).sort((a, b) => a.index - b.index),
      missing: fields.filter((f) => f.required === true && chosen[f.key] === undefined),
    },
  };
}

function toMapping(c: Candidate, origin: TableMapping["origin"]): TableMapping {
  return {
    table: c.table,
    sheet: c.sheet,
    headerRow: c.headerRow,
    columns: c.columns,
    inlineCommittees: c.inlineCommittees,
    ignored: c.ignored,
    origin,
  };
}

function missingColumns(c: Candidate): MappingProblem[] {
  const headersRead = [...Object.values(c.columns), ...c.inlineCommittees, ...c.ignored].sort((a, b) => a.index - b.index).map((r) => r.header);
  return c.missing.map((f) => ({ code: "missing_column", table: c.table, sheet: c.sheet, field: f.label, headersRead }));
}

/** A table chosen by a mapping file: its sheet, its header row (given or found), its columns. */
function explicitCandidate(grids: readonly SheetGrid[], table: TableKey, entry: ExplicitTable): { candidate: Candidate } | { problem: MappingProblem } | null {
  const sheets = entry.sheet === undefined ? grids : grids.filter((g) => g === findSheet(grids, entry.sheet ?? ""));
  if (entry.sheet !== undefined && sheets.length === 0) {
    return { problem: { code: "unknown_sheet", table, sheet: entry.sheet, sheets: grids.map((g) => g.name) } };
  }
  let best: { candidate: Candidate } | { problem: MappingProblem } | null = null;
  for (const grid of sheets) {
    const rows = entry.headerRow !== undefined ? [entry.headerRow - 1] : [...Array(Math.min(grid.values.length, HEADER_SEARCH_ROWS)).keys()];
    for (const r of rows) {
      const base = evaluate(grid, r, table);
      const applied = entry.columns === undefined ? { candidate: base } : override(grid, base, entry.columns);
      if (best === null || ("candidate" in applied && (!("candidate" in best) || rank(applied.candidate) > rank(best.candidate)))) best = applied;
    }
  }
  return best;
}

/**
 * Finds the register's tables in a workbook's sheets: for each table, the sheet and header row
 * whose headers name the most of its fields (title rows above are skipped, columns may come in
 * any order, extra columns are left alone), with its required columns all there. The conventions
 * table must be found; the others are optional. A mapping file's choices override the guess.
 * @example detectMapping([{ name: "Suivi", values: [["Registre 2024"], ["Réf.", "Partenaire", "Date de signature", "Durée (ans)"]] }])
 *   // ok: conventions on "Suivi", header row 2, id ← A, partner ← B, start ← C, duration ← D (years)
 */
export function detectMapping(grids: readonly SheetGrid[], explicit: ExplicitMapping = {}): MappingResult {
  const filled = grids.filter((g) => g.values.some((row) => row.some((v) => v !== null && v !== "")));
  if (filled.length === 0 && Object.keys(explicit).length === 0) return { ok: false, problems: [{ code: "empty_workbook" }] };

  const problems: MappingProblem[] = [];
  const chosen: Partial<Record<TableKey, TableMapping | null>> = {};
  const usedSheets = new Set<string>();

  // Tables the mapping file names come first: the user's word is not a guess.
  for (const table of TABLE_KEYS) {
    const entry = explicit[table];
    if (entry === undefined) continue;
    if (entry === null) {
      chosen[table] = null;
      continue;
    }
    const found = explicitCandidate(grids, table, entry);
    if (found === null) {
      const field = tableFields(table).find((f) => f.required === true)?.label ?? table;
      problems.push({ code: "missing_column", table, ...(entry.sheet === undefined ? {} : { sheet: entry.sheet }), field, headersRead: [] });
    } else if ("problem" in found) {
      problems.push(found.problem);
    } else if (found.candidate.missing.length > 0) {
      problems.push(...missingColumns(found.candidate));
    } else {
      chosen[table] = toMapping(found.candidate, "explicit");
      usedSheets.add(found.candidate.sheet);
    }
  }

  // Then the guess: the conventions first, then the best remaining matches, one table per sheet.
  const open = TABLE_KEYS.filter((t) => explicit[t] === undefined);
  const candidates = open.flatMap((table) =>
    filled.filter((g) => !usedSheets.has(g.name)).map((g) => bestRow(g, table)).filter((c): c is Candidate => c !== null),
  );
  const conventionsFirst = (c: Candidate): number => (c.table === "conventions" ? 0 : 1);
  const byRank = candidates.filter(usable).sort((a, b) => conventionsFirst(a) - conventionsFirst(b) || rank(b) - rank(a));
  for (const c of byRank) {
    if (chosen[c.table] !== undefined || usedSheets.has(c.sheet)) continue;
    chosen[c.table] = toMapping(c, "detected");
    usedSheets.add(c.sheet);
  }

  // A sheet that is plainly one of the tables (by its name or its headers) but lacks a required
  // column is an error naming the column, never a table silently left out.
  for (const table of open) {
    if (chosen[table] !== undefined) continue;
    const partial = candidates
      .filter((c) => c.table === table && !usedSheets.has(c.sheet) && c.missing.length > 0)
      .filter((c) => c.hinted || (table === "conventions" && Object.keys(c.columns).length >= 2 && c.missing.length < requiredCount(table)))
      .sort((a, b) => rank(b) - rank(a))[0];
    if (partial !== undefined) problems.push(...missingColumns(partial));
    else if (table === "conventions") problems.push({ code: "no_conventions_table", sheetsRead: filled.map((g) => g.name) });
  }

  if (problems.length > 0) return { ok: false, problems };
  const conventions = chosen.conventions;
  if (conventions === undefined || conventions === null) return { ok: false, problems: [{ code: "no_conventions_table", sheetsRead: [] }] };
  const mapping: RegisterMapping = {
    conventions,
    committees: chosen.committees ?? null,
    deadlines: chosen.deadlines ?? null,
    amendments: chosen.amendments ?? null,
  };
  return { ok: true, mapping };
}

/** The mapping-file name of each table, as parseExplicitMapping reads it back. */
const FILE_TABLE_NAMES: Record<TableKey, string> = {
  conventions: "conventions",
  committees: "comites",
  deadlines: "echeances",
  amendments: "avenants",
};

/**
 * A confirmed mapping as a mapping file says it (the JSON parseExplicitMapping reads): each table's
 * sheet and, for every field of the schema, the header of its column, or null when the table has
 * none — so that reading it back gives the same columns, whatever the guess would say, and still
 * finds them when the user inserts a column or title rows. Kept in the workbook by the task pane.
 * @example mappingFileJson(mapping).conventions // { feuille: "Suivi", colonnes: { "Référence": "N° convention", … } }
 */
export function mappingFileJson(mapping: RegisterMapping): Record<string, { feuille: string; colonnes: Record<string, string | null> } | null> {
  const json: Record<string, { feuille: string; colonnes: Record<string, string | null> } | null> = {};
  for (const table of TABLE_KEYS) {
    const found = mapping[table];
    if (found === null) {
      json[FILE_TABLE_NAMES[table]] = null;
      continue;
    }
    const colonnes: Record<string, string | null> = {};
    for (const field of tableFields(table)) {
      const ref = found.columns[field.key];
      // A column without a header text is named by its letters.
      colonnes[field.label] = ref === undefined ? null : ref.header === ref.letter ? ref.letter : ref.header;
    }
    json[FILE_TABLE_NAMES[table]] = { feuille: found.sheet, colonnes };
  }
  return json;
}
