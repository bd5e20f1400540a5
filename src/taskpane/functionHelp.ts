/**
 * The help of the custom functions as the task pane shows it, built from the one French source,
 * src/i18n/functions.fr.json (the same file the build turns into functions.fr.json for Excel).
 * Pure: no DOM, no Office.
 */
import { normalizeText } from "../core/text/normalizeText";
import frenchFunctions from "../i18n/functions.fr.json";

/** A range argument of an example: the address shown in the formula and the cells it holds. */
export interface RangeArgument {
  readonly range: string;
  readonly values: readonly (string | number | null)[];
}

export type ExampleArgument = string | number | RangeArgument;

export interface FunctionExample {
  readonly args: readonly ExampleArgument[];
  /** What the cell shows, written as a French user reads it ("14/07/2027", "2025-S1", "63"). */
  readonly result: string;
  readonly note: string;
}

export interface FrenchParameter {
  /** The parameter's name in the code (and in the English metadata). */
  readonly id: string;
  readonly name: string;
  readonly optional: boolean;
  readonly description: string;
}

export interface FrenchFunction {
  /** The function's id (CONV.<id> in an English Excel). */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly FrenchParameter[];
  readonly result: string;
  readonly examples: readonly FunctionExample[];
}

export interface FrenchFunctionsFile {
  readonly namespace: string;
  readonly functions: readonly FrenchFunction[];
}

/** The French file, checked against the types above when the project compiles. */
export const FRENCH_FUNCTIONS: FrenchFunctionsFile = frenchFunctions;

export interface ParameterHelp {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
}

export interface ExampleHelp {
  /** The formula as typed in a French Excel: =CONV.DATE.FIN("15/07/2024";"3 ans"). */
  readonly formula: string;
  readonly result: string;
  readonly note: string;
  /** What each range of the formula holds, for the reader: "F2:F4 : 10/12/2024, (vide), 25/11/2025". */
  readonly ranges: readonly string[];
}

export interface FunctionHelp {
  readonly id: string;
  /** Full French name with its namespace: CONV.DATE.FIN. */
  readonly name: string;
  /** Full English name: CONV.END_DATE. */
  readonly englishName: string;
  /** CONV.DATE.FIN(debut; duree; [regle]) */
  readonly syntax: string;
  readonly description: string;
  readonly result: string;
  readonly parameters: readonly ParameterHelp[];
  readonly examples: readonly ExampleHelp[];
  /** Folded text (no accents, lower case) that a search matches against. */
  readonly searchText: string;
}

function isRange(argument: ExampleArgument): argument is RangeArgument {
  return typeof argument === "object";
}

/**
 * One argument as typed in a formula: text in double quotes (inner quotes doubled), a number as
 * is, a range by its address.
 * @example formulaArgument("3 ans") // "\"3 ans\""
 */
export function formulaArgument(argument: ExampleArgument): string {
  if (isRange(argument)) return argument.range;
  if (typeof argument === "number") return String(argument).replace(".", ",");
  return `"${argument.replace(/"/g, '""')}"`;
}

/**
 * An example's formula, with the French argument separator.
 * @example exampleFormula("CONV.DATE.FIN", ["15/07/2024", "3 ans"]) // "=CONV.DATE.FIN(\"15/07/2024\";\"3 ans\")"
 */
export function exampleFormula(fullName: string, args: readonly ExampleArgument[]): string {
  return `=${fullName}(${args.map(formulaArgument).join(";")})`;
}

/**
 * The syntax line: parameters in order, optional ones in brackets.
 * @example syntaxLine("CONV.JOURS.FERIES", [{ name: "annee", optional: false }, { name: "zone", optional: true }]) // "CONV.JOURS.FERIES(annee; [zone])"
 */
export function syntaxLine(fullName: string, parameters: readonly { readonly name: string; readonly optional: boolean }[]): string {
  return `${fullName}(${parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ")})`;
}

function describeRange(argument: RangeArgument): string {
  const cells = argument.values.map((value) => (value === null || value === "" ? "(vide)" : String(value)));
  return `${argument.range} : ${cells.join(", ")}`;
}

/** The help of every function, in the order of the French file. */
export function functionHelp(file: FrenchFunctionsFile = FRENCH_FUNCTIONS): FunctionHelp[] {
  return file.functions.map((fn) => {
    const name = `${file.namespace}.${fn.name}`;
    const parameters = fn.parameters.map((p) => ({ name: p.name, description: p.description, optional: p.optional }));
    const examples = fn.examples.map((example) => ({
      formula: exampleFormula(name, example.args),
      result: example.result,
      note: example.note,
      ranges: example.args.filter(isRange).map(describeRange),
    }));
    const searchText = normalizeText(
      [name, `${file.namespace}.${fn.id}`, fn.description, fn.result, ...parameters.map((p) => `${p.name} ${p.description}`)].join(" "),
    );
    return {
      id: fn.id,
      name,
      englishName: `${file.namespace}.${fn.id}`,
      syntax: syntaxLine(name, parameters),
      description: fn.description,
      result: fn.result,
      parameters,
      examples,
      searchText,
    };
  });
}

/**
 * Whether a function matches what the user typed: every word of the query, accents and case
 * ignored, appears in its names, description or parameters. An empty query matches everything.
 * @example matchesQuery(functionHelp()[1], "délai recours") // true
 */
export function matchesQuery(help: FunctionHelp, query: string): boolean {
  const words = normalizeText(query).split(" ").filter((word) => word !== "");
  return words.every((word) => help.searchText.includes(word));
}
