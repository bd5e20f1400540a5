/**
 * The register's four tables (zod's habit: validate at the boundary, trust the types inside).
 * Each table is one zod schema; each column carries, in the FIELD_META registry, its French
 * header, what it holds and the other headers staff write for it. This file is the single source
 * of truth for the tables' names, columns, types and French labels: the reader, the check, the
 * command line and the task pane all take them from here.
 */
import { ownValue } from "../base/ownValue";
import { z } from "zod/mini";
import { CalendarDate } from "../dates/calendarDate";
import { readAmount, readDate, readDuration, readText, readWholeNumber } from "../cells/cellValue";
import { DomainError, OptionSet, Result, fail, ok } from "../base/errors";
import { normalizeText } from "../text/normalizeText";
import { readSiret } from "../cells/siret";

/** What a column holds, which says how a cell of it is read. */
export type FieldKind =
  | "text"
  | "date"
  /** Months, from a number of months (or of years under "Durée (ans)") or French text. */
  | "duration"
  /** A whole number of months, 0 allowed (a notice period, a delay, a frequency). */
  | "months"
  | "amount"
  | "siret"
  | "committeeType"
  | "deadlineKind";

export interface FieldMeta {
  /** The French header the add-in writes, and the label of the field in messages. */
  readonly label: string;
  readonly kind: FieldKind;
  /** A table without this column cannot be read (a clear error names it). */
  readonly required?: boolean;
  /** Other headers staff write for it; matched after normalisation (see headerKey). */
  readonly synonyms: readonly string[];
}

/** The registry that ties each column's zod schema to its French header and synonyms. */
export const FIELD_META = z.registry<FieldMeta>();

/** Kinds of meeting: the comité de suivi is the one the semesters are checked against. */
export type CommitteeType = "steering" | "club" | "other";
export const COMMITTEE_TYPE_LABELS: Record<CommitteeType, string> = {
  steering: "Comité de suivi",
  club: "Club territorial",
  other: "Autre",
};
const COMMITTEE_TYPE_WORDS: Record<string, CommitteeType> = {
  "comite de suivi": "steering",
  comite: "steering",
  "comite de pilotage": "steering",
  copil: "steering",
  cs: "steering",
  suivi: "steering",
  "club territorial": "club",
  club: "club",
  autre: "other",
  "autre reunion": "other",
  reunion: "other",
};

/** A milestone (jalon: once, by a deadline) or a recurring obligation (every N months). */
export type DeadlineKind = "milestone" | "recurring";
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  milestone: "Jalon",
  recurring: "Récurrente",
};
const DEADLINE_KIND_WORDS: Record<string, DeadlineKind> = {
  jalon: "milestone",
  ponctuelle: "milestone",
  ponctuel: "milestone",
  unique: "milestone",
  echeance: "milestone",
  recurrente: "recurring",
  recurrent: "recurring",
  periodique: "recurring",
  reguliere: "recurring",
  regulier: "recurring",
};

function readChoice<T>(words: Record<string, T>, options: OptionSet) {
  return (value: unknown, field: string): Result<T | null> => {
    const text = readText(value, field);
    if (!text.ok) return text;
    if (text.value === null) return ok(null);
    const chosen = ownValue(words, normalizeText(text.value).replace(/[-_]/g, " "));
    if (chosen !== undefined) return ok(chosen);
    return fail({ code: "invalid_option", value, field, options });
  };
}

/** How a cell of each kind is read. */
export const CELL_READERS: Record<FieldKind, (value: unknown, field: string) => Result<unknown>> = {
  text: readText,
  date: readDate,
  duration: readDuration,
  months: (value, field) => readWholeNumber(value, field, { min: 0, max: 1200 }),
  amount: readAmount,
  siret: readSiret,
  committeeType: readChoice(COMMITTEE_TYPE_WORDS, "committee_type"),
  deadlineKind: readChoice(DEADLINE_KIND_WORDS, "deadline_kind"),
};

/**
 * The zod schema of one cell of a kind: what the cell holds in, the typed value (or null when
 * blank) out; a cell that cannot be read fails with the domain error in the issue's params.
 */
function cell<T>(kind: FieldKind) {
  // A transform takes any input (z.unknown() in front of it would add nothing but a pipe).
  return z.transform((value: unknown, ctx): T | null => {
    const read = CELL_READERS[kind](value, "");
    if (read.ok) return read.value as T | null;
    // zod/mini's transform has no ctx.addIssue: the issue goes on the payload, as addIssue puts it.
    ctx.issues.push({ code: "custom", message: read.error.code, params: { error: read.error }, input: value });
    return z.NEVER;
  });
}

const text = () => cell<string>("text");
const date = () => cell<CalendarDate>("date");
const months = () => cell<number>("months");

export const conventionSchema = z.object({
  id: text().register(FIELD_META, {
    label: "Référence",
    kind: "text",
    required: true,
    synonyms: ["Réf", "Réf.", "N° convention", "Référence convention", "Numéro de convention", "Code", "Code convention", "Identifiant", "N°"],
  }),
  title: text().register(FIELD_META, {
    label: "Intitulé",
    kind: "text",
    synonyms: ["Objet", "Titre", "Libellé", "Intitulé de la convention", "Objet de la convention", "Nom de la convention"],
  }),
  partner: text().register(FIELD_META, {
    label: "Partenaire",
    kind: "text",
    synonyms: ["Organisme", "Bénéficiaire", "Association", "Structure", "Cocontractant", "Partenaires", "Organisme partenaire", "Nom du partenaire"],
  }),
  siret: cell<string>("siret").register(FIELD_META, {
    label: "SIRET",
    kind: "siret",
    synonyms: ["N° SIRET", "Numéro SIRET", "SIRET du partenaire"],
  }),
  deliberationNumber: text().register(FIELD_META, {
    label: "N° délibération",
    kind: "text",
    synonyms: ["Délibération", "Numéro de délibération", "Réf. délibération", "Référence délibération", "N° de la délibération"],
  }),
  deliberationDate: date().register(FIELD_META, {
    label: "Date délibération",
    kind: "date",
    synonyms: ["Date de délibération", "Date de la délibération", "Séance", "Date de séance", "Date du conseil", "Date du bureau", "Délibéré le"],
  }),
  transmissionDate: date().register(FIELD_META, {
    label: "Date transmission préfecture",
    kind: "date",
    synonyms: [
      "Transmission préfecture",
      "Date de transmission",
      "Date de transmission en préfecture",
      "Date de transmission à la préfecture",
      "Transmission sous-préfecture",
      "Réception préfecture",
      "Réception en sous-préfecture",
      "Date de réception en préfecture",
      "Contrôle de légalité",
      "Transmis le",
    ],
  }),
  publicationDate: date().register(FIELD_META, {
    label: "Date publication",
    kind: "date",
    synonyms: ["Publication", "Date de publication", "Publié le", "Affichage", "Date d'affichage"],
  }),
  enforceableDate: date().register(FIELD_META, {
    label: "Date exécutoire",
    kind: "date",
    synonyms: ["Exécutoire", "Exécutoire le", "Caractère exécutoire", "Date du caractère exécutoire"],
  }),
  start: date().register(FIELD_META, {
    label: "Date de notification",
    kind: "date",
    required: true,
    synonyms: [
      "Notification",
      "Notifiée le",
      "Date de signature",
      "Signature",
      "Signée le",
      "Date d'effet",
      "Prise d'effet",
      "Début",
      "Date de début",
      "Date début",
      "Début de la convention",
    ],
  }),
  duration: cell<number>("duration").register(FIELD_META, {
    label: "Durée",
    kind: "duration",
    synonyms: ["Durée (mois)", "Durée (ans)", "Durée de la convention"],
  }),
  end: date().register(FIELD_META, {
    label: "Date de fin",
    kind: "date",
    synonyms: ["Fin", "Date fin", "Échéance", "Date d'échéance", "Fin de la convention", "Expire le", "Date d'expiration"],
  }),
  noticeMonths: months().register(FIELD_META, {
    label: "Préavis (mois)",
    kind: "months",
    synonyms: ["Préavis", "Délai de préavis", "Préavis de renouvellement", "Alerte (mois)"],
  }),
  amount: cell<number>("amount").register(FIELD_META, {
    label: "Montant",
    kind: "amount",
    synonyms: ["Montant (€)", "Montant total", "Subvention", "Montant de la subvention", "Engagement financier", "Budget"],
  }),
  notes: text().register(FIELD_META, {
    label: "Observations",
    kind: "text",
    synonyms: ["Observation", "Commentaire", "Commentaires", "Remarques", "Notes"],
  }),
  /** The service that follows the convention, where one register holds several (a consolidation names each register's service). */
  service: text().register(FIELD_META, {
    label: "Service",
    kind: "text",
    synonyms: ["Service gestionnaire", "Service référent", "Service instructeur", "Service porteur", "Service concerné", "Direction", "Direction référente", "Pôle"],
  }),
});

/** The convention a row of another table belongs to. */
const conventionRef = () =>
  text().register(FIELD_META, {
    label: "Référence convention",
    kind: "text",
    required: true,
    synonyms: ["Réf. convention", "Convention", "N° convention", "Code convention", "Référence", "Réf", "Code"],
  });

export const committeeSchema = z.object({
  conventionId: conventionRef(),
  date: date().register(FIELD_META, {
    label: "Date",
    kind: "date",
    required: true,
    synonyms: ["Date du comité", "Date de réunion", "Date de la réunion", "Réunion", "Date comité", "Tenu le", "Réuni le"],
  }),
  type: cell<CommitteeType>("committeeType").register(FIELD_META, {
    label: "Type",
    kind: "committeeType",
    synonyms: ["Type de réunion", "Instance", "Nature", "Type de comité"],
  }),
  minutes: text().register(FIELD_META, {
    label: "Compte rendu",
    kind: "text",
    synonyms: ["Compte-rendu", "CR", "Procès-verbal", "PV", "Lien du compte rendu"],
  }),
  participants: text().register(FIELD_META, {
    label: "Participants",
    kind: "text",
    synonyms: ["Présents", "Membres présents", "Présences"],
  }),
});

export const deadlineSchema = z.object({
  conventionId: conventionRef(),
  label: text().register(FIELD_META, {
    label: "Libellé",
    kind: "text",
    required: true,
    synonyms: ["Intitulé", "Objet", "Obligation", "Jalon", "Action", "Description", "Échéance"],
  }),
  kind: cell<DeadlineKind>("deadlineKind").register(FIELD_META, {
    label: "Type",
    kind: "deadlineKind",
    synonyms: ["Nature", "Type d'échéance"],
  }),
  delayMonths: months().register(FIELD_META, {
    label: "Délai (mois)",
    kind: "months",
    synonyms: ["Délai", "Délai en mois"],
  }),
  frequencyMonths: months().register(FIELD_META, {
    label: "Fréquence (mois)",
    kind: "months",
    synonyms: ["Fréquence", "Périodicité", "Périodicité (mois)"],
  }),
  dueDate: date().register(FIELD_META, {
    label: "Date limite",
    kind: "date",
    synonyms: ["Date butoir", "Avant le", "Date d'échéance", "À réaliser avant le"],
  }),
  doneOn: date().register(FIELD_META, {
    label: "Réalisé le",
    kind: "date",
    synonyms: ["Date de réalisation", "Réalisé", "Fait le", "Date réalisation", "Réalisée le"],
  }),
});

export const amendmentSchema = z.object({
  conventionId: conventionRef(),
  number: text().register(FIELD_META, {
    label: "N°",
    kind: "text",
    synonyms: ["Numéro", "N° avenant", "Numéro d'avenant", "Avenant"],
  }),
  date: date().register(FIELD_META, {
    label: "Date",
    kind: "date",
    required: true,
    synonyms: ["Date de l'avenant", "Date avenant", "Date de signature", "Signé le"],
  }),
  subject: text().register(FIELD_META, {
    label: "Objet",
    kind: "text",
    synonyms: ["Motif", "Libellé", "Intitulé", "Objet de l'avenant"],
  }),
  newDuration: cell<number>("duration").register(FIELD_META, {
    label: "Nouvelle durée",
    kind: "duration",
    synonyms: ["Durée", "Nouvelle durée totale", "Durée prolongée"],
  }),
  newEnd: date().register(FIELD_META, {
    label: "Nouvelle date de fin",
    kind: "date",
    synonyms: ["Nouvelle fin", "Date de fin", "Nouvelle échéance", "Prolongée jusqu'au", "Fin prolongée"],
  }),
});

export type ConventionFields = z.output<typeof conventionSchema>;
export type CommitteeFields = z.output<typeof committeeSchema>;
export type DeadlineFields = z.output<typeof deadlineSchema>;
export type AmendmentFields = z.output<typeof amendmentSchema>;

export type TableKey = "conventions" | "committees" | "deadlines" | "amendments";

export interface TableSpec<S extends z.ZodMiniObject = z.ZodMiniObject> {
  readonly key: TableKey;
  /** The sheet and Excel table name the add-in creates, and the table's name in messages. */
  readonly label: string;
  /** Excel table name (no spaces or accents: Excel's rule for table names). */
  readonly tableName: string;
  readonly schema: S;
  /** Words of a sheet name that point to this table ("Comités 2025", "Suivi des avenants"). */
  readonly sheetHints: readonly string[];
}

export const TABLES = {
  conventions: { key: "conventions", label: "Conventions", tableName: "Conventions", schema: conventionSchema, sheetHints: ["convention", "registre"] },
  committees: { key: "committees", label: "Comités", tableName: "Comites", schema: committeeSchema, sheetHints: ["comite", "reunion", "instance"] },
  deadlines: { key: "deadlines", label: "Échéances", tableName: "Echeances", schema: deadlineSchema, sheetHints: ["echeance", "jalon", "obligation"] },
  amendments: { key: "amendments", label: "Avenants", tableName: "Avenants", schema: amendmentSchema, sheetHints: ["avenant"] },
} as const satisfies Record<TableKey, TableSpec>;

export const TABLE_KEYS: readonly TableKey[] = ["conventions", "committees", "deadlines", "amendments"];

export interface FieldSpec extends FieldMeta {
  readonly key: string;
}

/**
 * The columns of a table, in the order the add-in writes them, with their French headers.
 * @example tableFields("committees").map(f => f.label) // ["Référence convention", "Date", "Type", "Compte rendu", "Participants"]
 */
export function tableFields(table: TableKey): readonly FieldSpec[] {
  return FIELDS[table];
}

/** A field of a table by its key. */
export function fieldSpec(table: TableKey, key: string): FieldSpec | undefined {
  return FIELDS_BY_KEY[table].get(key);
}

function fieldsOf(table: TableKey): readonly FieldSpec[] {
  return Object.freeze(
    Object.entries(TABLES[table].schema.shape).map(([key, schema]) => {
      const meta = FIELD_META.get(schema as z.ZodMiniType);
      if (meta === undefined) throw new Error(`Column ${table}.${key} has no FIELD_META entry`);
      return Object.freeze({ key, ...meta });
    }),
  );
}

const FIELDS: Record<TableKey, readonly FieldSpec[]> = {
  conventions: fieldsOf("conventions"),
  committees: fieldsOf("committees"),
  deadlines: fieldsOf("deadlines"),
  amendments: fieldsOf("amendments"),
};
const FIELDS_BY_KEY: Record<TableKey, ReadonlyMap<string, FieldSpec>> = {
  conventions: new Map(FIELDS.conventions.map((f) => [f.key, f])),
  committees: new Map(FIELDS.committees.map((f) => [f.key, f])),
  deadlines: new Map(FIELDS.deadlines.map((f) => [f.key, f])),
  amendments: new Map(FIELDS.amendments.map((f) => [f.key, f])),
};

/**
 * Reads one cell into a field's typed value with the field's zod schema; a cell that cannot be
 * read gives the domain error, with the field's French label as where it comes from.
 * @example readField("conventions", "start", "15 juillet 2024") // ok({ year: 2024, month: 7, day: 15 })
 */
export function readField(table: TableKey, key: string, value: unknown, unit?: "months" | "years"): Result<unknown> {
  const spec = fieldSpec(table, key);
  if (spec === undefined) throw new Error(`Unknown column ${table}.${key}`);
  const input = spec.kind === "duration" && unit === "years" ? inYears(value) : value;
  const schema = (TABLES[table].schema.shape as Record<string, z.ZodMiniType>)[key];
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const error: DomainError = (issue.code === "custom" ? (issue.params as { error?: DomainError } | undefined)?.error : undefined) ?? {
    code: "unexpected",
    technical: issue.message,
  };
  return fail({ ...error, value, field: spec.label } as DomainError);
}

/** A duration under a "Durée (ans)" header: a bare number counts years. */
function inYears(value: unknown): unknown {
  if (typeof value === "number") return value * 12;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return `${value.trim()} ans`;
  return value;
}

/**
 * readField for one column, resolved once, to read a whole table: the reader the column's schema
 * transforms with (CELL_READERS of its kind), called directly (no zod parse per cell), with the
 * same result and the same error as readField.
 * @example columnReader("conventions", "duration", "years")(3) // ok(36)
 */
export function columnReader(table: TableKey, key: string, unit?: "months" | "years"): (value: unknown) => Result<unknown> {
  const spec = fieldSpec(table, key);
  if (spec === undefined) throw new Error(`Unknown column ${table}.${key}`);
  const read = CELL_READERS[spec.kind];
  const years = spec.kind === "duration" && unit === "years";
  return (value) => {
    const result = read(years ? inYears(value) : value, "");
    return result.ok ? result : fail({ ...result.error, value, field: spec.label } as DomainError);
  };
}

/** Where a row of the register was read: its sheet and its Excel row number (1-based). */
export interface RowSource {
  readonly sheet: string;
  readonly row: number;
}

export type Sourced<T> = T & { readonly source: RowSource | null };

export interface Convention extends ConventionFields {
  readonly id: string;
  readonly source: RowSource | null;
}
export interface Committee extends CommitteeFields {
  readonly conventionId: string;
  readonly date: CalendarDate;
  readonly type: CommitteeType | null;
  readonly source: RowSource | null;
}
export type Deadline = Sourced<DeadlineFields> & { readonly conventionId: string; readonly label: string };
export type Amendment = Sourced<AmendmentFields> & { readonly conventionId: string; readonly date: CalendarDate };

/** A register read from a workbook: rows whose required cells were read, every cell typed. */
export interface Register {
  readonly conventions: readonly Convention[];
  readonly committees: readonly Committee[];
  readonly deadlines: readonly Deadline[];
  readonly amendments: readonly Amendment[];
}
