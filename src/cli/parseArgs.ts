/**
 * The command line's words, read into a command: French sub-commands (`verifier`, `consolider`, `demo`, `rapport`, `comite`, `importer`, `ics`, `aide`)
 * and options, `--option valeur` or `--option=valeur`, anywhere after the sub-command; `--` ends
 * the options (for a file whose name starts with a dash).
 */
import { normalizeText } from "../core/text/normalizeText";
import { CliError } from "./cliError";

export type Command =
  | { readonly kind: "help" }
  | {
      readonly kind: "verify";
      readonly file: string;
      /** The --date text as typed; read by the caller with the core's date rules. */
      readonly date: string | null;
      readonly json: boolean;
      readonly mappingFile: string | null;
      /** A folder's options, present only when given: --recursif, and the --processus text as typed. */
      readonly recursive?: true;
      readonly workers?: string;
    }
  /** `consolider DOSSIER/ --sortie CONSOLIDE.xlsx [--annee AAAA]`: the registers of a folder in one new workbook. */
  | {
      readonly kind: "consolidate";
      readonly folder: string;
      readonly output: string;
      /** The --annee text as typed; null for the default year (defaultReportYear). */
      readonly year: string | null;
      readonly authority: string | null;
      readonly date: string | null;
      readonly mappingFile: string | null;
      readonly replace: boolean;
      readonly recursive: boolean;
      readonly json: boolean;
      readonly workers: string | null;
    }
  | { readonly kind: "demo"; readonly file: string | null; readonly date: string | null }
  | {
      readonly kind: "report";
      readonly file: string;
      /** The --annee text as typed. */
      readonly year: string;
      readonly authority: string | null;
      readonly date: string | null;
      readonly mappingFile: string | null;
      readonly output: string;
      readonly replace: boolean;
    }
  | {
      readonly kind: "committee";
      readonly file: string;
      readonly conventionId: string;
      readonly authority: string | null;
      readonly date: string | null;
      readonly mappingFile: string | null;
      readonly output: string;
      readonly replace: boolean;
    }
  /** `importer DELIBERATION.txt [--json]`: the review of a deliberation's text. */
  | { readonly kind: "import"; readonly file: string; readonly json: boolean }
  /** `ics REGISTRE.xlsx --sortie ECHEANCES.ics`: the upcoming deadlines as an iCalendar file. */
  | {
      readonly kind: "ics";
      readonly file: string;
      readonly output: string;
      readonly date: string | null;
      readonly mappingFile: string | null;
      readonly replace: boolean;
    };

export type ParsedArgs = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: CliError };

const HELP_WORDS = new Set(["aide", "--help", "-h", "--aide", "help"]);
const COMMANDS: Record<string, "verify" | "consolidate" | "demo" | "report" | "committee" | "import" | "ics" | "help"> = {
  verifier: "verify",
  consolider: "consolidate",
  demo: "demo",
  demonstration: "demo",
  rapport: "report",
  comite: "committee",
  importer: "import",
  ics: "ics",
  aide: "help",
};

interface OptionSpec {
  readonly takesValue: boolean;
}

/** What both reports take: the date, the authority, the mapping file, the output and whether it may be replaced. */
const REPORT_OPTIONS: Record<string, OptionSpec> = {
  "--date": { takesValue: true },
  "--collectivite": { takesValue: true },
  "--colonnes": { takesValue: true },
  "--sortie": { takesValue: true },
  "--remplacer": { takesValue: false },
};

/** What a folder of registers takes: its sub-folders too, and how many registers are checked at once. */
const FOLDER_OPTIONS: Record<string, OptionSpec> = { "--recursif": { takesValue: false }, "--processus": { takesValue: true } };

const OPTIONS: Record<"verify" | "consolidate" | "demo" | "report" | "committee" | "import" | "ics", Record<string, OptionSpec>> = {
  verify: { "--date": { takesValue: true }, "--json": { takesValue: false }, "--colonnes": { takesValue: true }, ...FOLDER_OPTIONS },
  consolidate: { ...REPORT_OPTIONS, ...FOLDER_OPTIONS, "--annee": { takesValue: true }, "--json": { takesValue: false } },
  demo: { "--date": { takesValue: true } },
  report: { ...REPORT_OPTIONS, "--annee": { takesValue: true } },
  committee: { ...REPORT_OPTIONS, "--convention": { takesValue: true } },
  import: { "--json": { takesValue: false } },
  ics: { "--sortie": { takesValue: true }, "--date": { takesValue: true }, "--colonnes": { takesValue: true }, "--remplacer": { takesValue: false } },
};

/**
 * Reads the arguments after the program's name.
 * @example parseArgs(["verifier", "registre.xlsx", "--date", "2026-11-29", "--json"])
 *   // { ok: true, command: { kind: "verify", file: "registre.xlsx", date: "2026-11-29", json: true, mappingFile: null } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { ok: false, error: { code: "no_command" } };
  const [first, ...rest] = argv;
  if (HELP_WORDS.has(first)) return { ok: true, command: { kind: "help" } };
  const kind = COMMANDS[normalizeText(first)];
  if (kind === undefined) return { ok: false, error: { code: "unknown_command", value: first } };
  if (kind === "help") return { ok: true, command: { kind: "help" } };
  if (rest.some((arg) => HELP_WORDS.has(arg) && arg.startsWith("-"))) return { ok: true, command: { kind: "help" } };

  const specs = OPTIONS[kind];
  const values = new Map<string, string | true>();
  const positional: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const spec = specs[name];
    if (spec === undefined) return { ok: false, error: { code: "unknown_option", value: name, command: first } };
    if (values.has(name)) return { ok: false, error: { code: "repeated_option", value: name } };
    if (!spec.takesValue) {
      if (equals > 0) return { ok: false, error: { code: "unknown_option", value: arg, command: first } };
      values.set(name, true);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : rest[i + 1];
    if (value === undefined || value === "" || (equals < 0 && value.startsWith("--"))) {
      return { ok: false, error: { code: "option_needs_value", value: name } };
    }
    if (equals < 0) i += 1;
    values.set(name, value);
  }

  const text = (name: string): string | null => {
    const value = values.get(name);
    return typeof value === "string" ? value : null;
  };
  if (positional.length > 1) return { ok: false, error: { code: "too_many_arguments", value: positional[1] } };
  if (kind === "demo") return { ok: true, command: { kind: "demo", file: positional[0] ?? null, date: text("--date") } };
  if (kind === "import") {
    if (positional.length === 0) return { ok: false, error: { code: "missing_deliberation_file" } };
    return { ok: true, command: { kind, file: positional[0], json: values.has("--json") } };
  }
  if (positional.length === 0 && kind === "consolidate") return { ok: false, error: { code: "missing_folder" } };
  if (positional.length === 0) return { ok: false, error: { code: "missing_file", command: normalizeText(first) } };
  if (kind === "ics") {
    const output = text("--sortie");
    if (output === null) return { ok: false, error: { code: "missing_option", value: "--sortie", command: first } };
    return { ok: true, command: { kind, file: positional[0], output, date: text("--date"), mappingFile: text("--colonnes"), replace: values.has("--remplacer") } };
  }
  if (kind === "consolidate") {
    const output = text("--sortie");
    if (output === null) return { ok: false, error: { code: "missing_option", value: "--sortie", command: first } };
    return {
      ok: true,
      command: {
        kind,
        folder: positional[0],
        output,
        year: text("--annee"),
        authority: text("--collectivite"),
        date: text("--date"),
        mappingFile: text("--colonnes"),
        replace: values.has("--remplacer"),
        recursive: values.has("--recursif"),
        json: values.has("--json"),
        workers: text("--processus"),
      },
    };
  }
  if (kind === "report" || kind === "committee") {
    const needed = kind === "report" ? "--annee" : "--convention";
    const missing = [needed, "--sortie"].find((name) => text(name) === null);
    if (missing !== undefined) return { ok: false, error: { code: "missing_option", value: missing, command: first } };
    const common = {
      file: positional[0],
      authority: text("--collectivite"),
      date: text("--date"),
      mappingFile: text("--colonnes"),
      output: text("--sortie") ?? "",
      replace: values.has("--remplacer"),
    };
    return kind === "report"
      ? { ok: true, command: { kind, year: text("--annee") ?? "", ...common } }
      : { ok: true, command: { kind, conventionId: text("--convention") ?? "", ...common } };
  }
  const workers = text("--processus");
  return {
    ok: true,
    command: {
      kind: "verify",
      file: positional[0],
      date: text("--date"),
      json: values.has("--json"),
      mappingFile: text("--colonnes"),
      ...(values.has("--recursif") ? { recursive: true as const } : {}),
      ...(workers === null ? {} : { workers }),
    },
  };
}
