/**
 * What the add-in remembers in a workbook, in its very hidden settings sheet (see ownedSheets):
 * the mapping the user confirmed (asked once, read back by the pane and by the command line) and
 * the columns it added to the user's conventions sheet. Key/value rows; values are JSON text.
 */
import { ExplicitMapping, parseExplicitMapping } from "../core/register/detectMapping";
import { SETTINGS_SHEET } from "./ownedSheets";
import { SheetDraft, textCell } from "./sheetDraft";
import { SheetGrid } from "../core/cells/sheetGrid";

/** The add-in's own columns in the conventions sheet, by column letters. */
export interface OwnColumns {
  readonly sheet: string;
  readonly alert: string;
  readonly nextCommittee: string;
}

export interface AddinSettings {
  /** The confirmed mapping, as a mapping file says it (mappingFileJson); null until the user confirms one. */
  readonly mapping: unknown;
  readonly ownColumns: OwnColumns | null;
  /** The authority named under the reports' titles, as last typed in the pane; null when none. */
  readonly authority: string | null;
}

/** No settings yet: what a workbook the add-in never wrote to holds. */
export const NO_SETTINGS: AddinSettings = { mapping: null, ownColumns: null, authority: null };

const WARNING = "Paramètres du complément « Registre des conventions » : feuille gérée par le complément, ne pas modifier.";
const KEYS = { mapping: "correspondance", ownColumns: "colonnes_complement", authority: "collectivite" } as const;

/** The settings sheet for these settings (very hidden). */
export function settingsSheet(settings: AddinSettings): SheetDraft {
  return {
    name: SETTINGS_SHEET,
    visibility: "veryHidden",
    rows: [
      [textCell(WARNING)],
      [textCell(KEYS.mapping), textCell(JSON.stringify(settings.mapping))],
      [textCell(KEYS.ownColumns), textCell(JSON.stringify(settings.ownColumns))],
      [textCell(KEYS.authority), textCell(JSON.stringify(settings.authority))],
    ],
  };
}

/** The settings kept in a workbook; null when it has none. A value that cannot be read is null (asked again). */
export function readSettings(grids: readonly SheetGrid[]): AddinSettings | null {
  const grid = grids.find((g) => g.name === SETTINGS_SHEET);
  if (grid === undefined) return null;
  const value = (key: string): unknown => {
    const row = grid.values.find((r) => r[0] === key);
    if (row === undefined || typeof row[1] !== "string") return null;
    try {
      return JSON.parse(row[1]) as unknown;
    } catch {
      return null;
    }
  };
  const authority = value(KEYS.authority);
  return { mapping: value(KEYS.mapping), ownColumns: ownColumns(value(KEYS.ownColumns)), authority: typeof authority === "string" && authority.trim() !== "" ? authority : null };
}

/**
 * The settings with some of them changed, the others kept as they were.
 * @example updateSettings(readSettings(grids), { authority: "Commune de Lens" })
 */
export function updateSettings(previous: AddinSettings | null, change: Partial<AddinSettings>): AddinSettings {
  return { ...(previous ?? NO_SETTINGS), ...change };
}

/** The stored mapping, checked as a mapping file is; null when there is none or it is unusable. */
export function storedMapping(settings: AddinSettings | null): ExplicitMapping | null {
  if (settings === null || settings.mapping === null) return null;
  const parsed = parseExplicitMapping(settings.mapping);
  return parsed.ok ? parsed.value : null;
}

function ownColumns(json: unknown): OwnColumns | null {
  if (typeof json !== "object" || json === null) return null;
  const { sheet, alert, nextCommittee } = json as Record<string, unknown>;
  if (typeof sheet !== "string" || typeof alert !== "string" || typeof nextCommittee !== "string") return null;
  return { sheet, alert, nextCommittee };
}
