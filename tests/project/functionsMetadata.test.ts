/**
 * The custom-functions metadata, generated here by the same generator the build uses
 * (custom-functions-metadata, on src/functions/functions.ts), checked against the table;
 * then its French version (scripts/localize-functions.js with src/i18n/functions.fr.json), and the
 * worked examples of the French help recomputed with the functions themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { serialToDate } from "../../src/core/dates/excelSerial";
import * as customFunctions from "../../src/functions/functions";
import { formatDateFr } from "../../src/i18n/fr";
import frenchFunctions from "../../src/i18n/functions.fr.json";
import { FunctionsMetadata, MetadataFunction, localizeFunctionsMetadata } from "../../scripts/localize-functions";
import { ExampleArgument, FRENCH_FUNCTIONS } from "../../src/taskpane/functionHelp";
import { chooseDateCells } from "../../src/functions/excelResult";
import { excelHost } from "../functions/excelCall";

const ROOT = join(__dirname, "..", "..");
const FUNCTIONS_FILE = join(ROOT, "src", "functions", "functions.ts");

/**
 * The table: id, exported name, parameters in order ([name] = optional). The parameter
 * names are those of the code; the French file maps each of them.
 */
const EXPECTED: Record<string, { readonly exportName: string; readonly parameters: string }> = {
  END_DATE: { exportName: "endDate", parameters: "start duration [rule]" },
  APPEAL_DEADLINE: { exportName: "appealDeadline", parameters: "publication [months] [zone]" },
  ENFORCEABLE_DATE: { exportName: "enforceableDate", parameters: "transmission publication" },
  NEXT_WORKING_DAY: { exportName: "nextWorkingDay", parameters: "date [zone]" },
  HOLIDAYS: { exportName: "holidays", parameters: "year [zone]" },
  SEMESTER: { exportName: "semester", parameters: "date [basis] [contractStart]" },
  MISSING_COMMITTEES: { exportName: "missingCommittees", parameters: "start end committees [asOf] [perSemester]" },
  NEXT_COMMITTEE_DUE: { exportName: "nextCommitteeDue", parameters: "start end committees [asOf]" },
  STATUS: { exportName: "status", parameters: "start end [asOf] [noticeMonths]" },
  DAYS_LEFT: { exportName: "daysLeft", parameters: "date [asOf]" },
  NEXT_OCCURRENCE: { exportName: "nextOccurrence", parameters: "start every [asOf]" },
};
const VOLATILE = ["MISSING_COMMITTEES", "NEXT_COMMITTEE_DUE", "STATUS", "DAYS_LEFT", "NEXT_OCCURRENCE"];
const TEXT_RESULTS = ["SEMESTER", "MISSING_COMMITTEES", "STATUS"];
/** The functions that return dates: a date with its format where the host has data types, so their result is `any`. */
const DATE_RESULTS = ["END_DATE", "APPEAL_DEADLINE", "ENFORCEABLE_DATE", "NEXT_WORKING_DAY", "HOLIDAYS", "NEXT_COMMITTEE_DUE", "NEXT_OCCURRENCE"];

let metadata: FunctionsMetadata;
let associations: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  errors = generated.errors;
  associations = generated.associate;
  metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
});

function fn(id: string): MetadataFunction {
  const found = metadata.functions.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`${id} absent des métadonnées`);
  return found;
}

function describeParameters(f: MetadataFunction): string {
  return f.parameters.map((p) => (p.optional === true ? `[${p.name}]` : p.name)).join(" ");
}

describe("functions.json generated from the JSDoc", () => {
  it("is generated without errors", () => {
    expect(errors).toEqual([]);
  });

  it("holds the eleven functions of the issue, and no other", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s has its parameters in order, optional ones marked", (id, expected) => {
    expect(describeParameters(fn(id))).toBe(expected.parameters);
  });

  it("registers each id with the exported function of the issue's table", () => {
    const byId = Object.fromEntries(associations.map((a) => [a.id, a.functionName]));
    const exported = customFunctions as unknown as Record<string, unknown>;
    for (const [id, expected] of Object.entries(EXPECTED)) {
      expect(byId[id]).toBe(expected.exportName);
      expect(typeof exported[expected.exportName]).toBe("function");
    }
  });

  it("takes the comités as a range (matrix) and returns the holidays as a column (matrix)", () => {
    for (const id of ["MISSING_COMMITTEES", "NEXT_COMMITTEE_DUE"]) {
      expect(fn(id).parameters.find((p) => p.name === "committees")?.dimensionality).toBe("matrix");
    }
    expect(fn("HOLIDAYS").result?.dimensionality).toBe("matrix");
    const otherMatrices = metadata.functions.flatMap((f) => [
      ...f.parameters.filter((p) => p.dimensionality === "matrix" && p.name !== "committees").map((p) => `${f.id}.${p.name}`),
      ...(f.result?.dimensionality === "matrix" && f.id !== "HOLIDAYS" ? [`${f.id} (résultat)`] : []),
    ]);
    expect(otherMatrices).toEqual([]);
  });

  it("marks volatile exactly the functions whose reference date defaults to today", () => {
    const volatile = metadata.functions.filter((f) => f.options?.volatile === true).map((f) => f.id);
    expect(volatile.sort()).toEqual([...VOLATILE].sort());
    for (const id of VOLATILE) expect(fn(id).parameters.some((p) => p.name === "asOf" && p.optional === true)).toBe(true);
  });

  it("returns text for the labels, a number of days for DAYS_LEFT, and `any` (no type) for the dates", () => {
    // A date leaves as a DoubleCellValue (or FormattedNumberCellValue) where the host has data
    // types: Excel takes such a value only from a result of type any ("Use data types with custom
    // functions in Excel"); a result typed "number" would refuse it. Changed on purpose (issue 19):
    // the dates were "number" while they were bare serials.
    for (const f of metadata.functions) {
      const expected = TEXT_RESULTS.includes(f.id) ? "string" : DATE_RESULTS.includes(f.id) ? undefined : "number";
      expect([f.id, f.result?.type]).toEqual([f.id, expected]);
    }
    expect(metadata.functions.filter((f) => f.result?.type === "number").map((f) => f.id)).toEqual(["DAYS_LEFT"]);
  });

  it("enables data types, as the reference requires: allowCustomDataForDataTypeAny at the top level", () => {
    // "the custom functions JSON metadata file must ... include the property allowCustomDataForDataTypeAny.
    // Set this property to true" (custom-functions-data-types-concepts; custom-functions-json: a
    // top-level property). custom-functions-metadata writes it for every project: no JSDoc tag.
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
  });
});

describe("functions.fr.json: the French metadata", () => {
  let french: FunctionsMetadata;
  beforeAll(() => {
    french = localizeFunctionsMetadata(metadata, frenchFunctions);
  });

  it("keeps each id, type, option and parameter count, and changes every name", () => {
    expect(french.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    french.functions.forEach((f, i) => {
      const english = metadata.functions[i];
      expect(f.name).not.toBe(english.name);
      expect(f.parameters.length).toBe(english.parameters.length);
      expect(f.result).toEqual(english.result);
      expect(f.options).toEqual(english.options);
      f.parameters.forEach((p, j) => {
        expect({ ...p, name: "", description: "" }).toEqual({ ...english.parameters[j], name: "", description: "" });
      });
    });
  });

  it("gives the French names in the style of French Excel", () => {
    const names = Object.fromEntries(french.functions.map((f) => [f.id, f.name]));
    expect(names).toEqual({
      END_DATE: "DATE.FIN",
      APPEAL_DEADLINE: "DATE.LIMITE.RECOURS",
      ENFORCEABLE_DATE: "DATE.EXECUTOIRE",
      NEXT_WORKING_DAY: "JOUR.OUVRE.SUIVANT",
      HOLIDAYS: "JOURS.FERIES",
      SEMESTER: "SEMESTRE",
      MISSING_COMMITTEES: "COMITES.MANQUANTS",
      NEXT_COMMITTEE_DUE: "PROCHAIN.COMITE",
      STATUS: "STATUT",
      DAYS_LEFT: "JOURS.RESTANTS",
      NEXT_OCCURRENCE: "PROCHAINE.OCCURRENCE",
    });
  });

  it("uses names Excel accepts: unique, a letter first, three characters or more, no cell reference", () => {
    const names = french.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      // Excel: letters, digits, underscores and periods, starting with a letter, at least 3 characters.
      // House rule on top: capitals without accents, like the built-in French functions.
      expect(name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(name).not.toMatch(/^[A-Z]{1,3}[0-9]+$/); // A1 … XFD1048576
      expect(name).not.toMatch(/^R[0-9]*C[0-9]*$/); // R1C1
      expect(name).not.toMatch(/\.$|\.\./);
    }
  });

  it("gives every function and parameter a French description, and every parameter a French name (lower case, no accent, unique)", () => {
    for (const f of french.functions) {
      const names = f.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(p.description?.length ?? 0).toBeGreaterThan(10);
        expect(p.description?.length ?? 0).toBeLessThanOrEqual(255);
      }
      // Short enough for Excel's function help (the Insert Function dialog cuts long texts).
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      expect(f.description?.length ?? 0).toBeLessThanOrEqual(255);
    }
  });

  it("refuses a function or a parameter without a French entry, and a stale entry", () => {
    const withoutStatus = { functions: frenchFunctions.functions.filter((f) => f.id !== "STATUS") };
    expect(() => localizeFunctionsMetadata(metadata, withoutStatus)).toThrow(/STATUS n'a pas d'entrée française/);
    const withoutZone = {
      functions: frenchFunctions.functions.map((f) => (f.id === "HOLIDAYS" ? { ...f, parameters: f.parameters.filter((p) => p.id !== "zone") } : f)),
    };
    expect(() => localizeFunctionsMetadata(metadata, withoutZone)).toThrow(/« zone » de HOLIDAYS n'a pas d'entrée française/);
    const stale = { functions: [...frenchFunctions.functions, { ...frenchFunctions.functions[0], id: "OLD_NAME" }] };
    expect(() => localizeFunctionsMetadata(metadata, stale)).toThrow(/OLD_NAME ne correspond à aucune fonction/);
    const wrongOptional = {
      functions: frenchFunctions.functions.map((f) =>
        f.id === "END_DATE" ? { ...f, parameters: f.parameters.map((p) => (p.id === "rule" ? { ...p, optional: false } : p)) } : f,
      ),
    };
    expect(() => localizeFunctionsMetadata(metadata, wrongOptional)).toThrow(/« rule » de END_DATE est facultatif/);
  });

  it("keeps data types enabled (allowCustomDataForDataTypeAny) in the French file Excel loads", () => {
    expect(french.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("does not change the metadata it is given", () => {
    const before = JSON.stringify(metadata);
    localizeFunctionsMetadata(metadata, frenchFunctions);
    expect(JSON.stringify(metadata)).toBe(before);
  });
});

describe.each([
  ["an Excel without data types (plain serials)", null, "serial"],
  ["an Excel with ExcelApi 1.16 (formatted numbers)", "1.16", "formattedNumber"],
  ["an Excel with ExcelApi 1.19 (double values with their format)", "1.19", "double"],
] as const)("the worked examples of the French help, on %s", (_host, excelApi, kind) => {
  const exported = customFunctions as unknown as Record<string, (...args: unknown[]) => unknown>;
  const DATE_TYPE = { serial: null, formattedNumber: "FormattedNumber", double: "Double" } as const;

  beforeAll(() => {
    expect(chooseDateCells(excelHost(excelApi))).toBe(kind);
  });
  afterAll(() => {
    chooseDateCells(undefined);
  });

  /** An example argument as Excel passes it: text and numbers as they are, a range as rows of one cell. */
  function excelArgument(argument: ExampleArgument): unknown {
    if (typeof argument === "object") return argument.values.map((value) => [value]);
    return argument;
  }

  function dayOf(serial: number): string {
    const date = serialToDate(serial);
    return date.ok ? formatDateFr(date.value) : `série invalide ${serial}`;
  }

  /**
   * A cell value as the help writes it: text, numbers, a column joined by ", "; a date as the cell
   * shows it — its format, on a host with data types (which must give it one); dd/mm/yyyy as the
   * README tells users to format the cell, elsewhere.
   */
  function shown(value: unknown, expected: string): string {
    if (Array.isArray(value)) return value.map((row: unknown[]) => shown(row[0], "01/01/2000")).join(", ");
    const isDate = /^\d{2}\/\d{2}\/\d{4}$/.test(expected);
    if (isDate && DATE_TYPE[kind] !== null) {
      expect(value).toEqual({ type: DATE_TYPE[kind], basicValue: expect.any(Number), numberFormat: "dd/mm/yyyy" });
      return dayOf((value as { basicValue: number }).basicValue);
    }
    if (typeof value === "number" && isDate) return dayOf(value);
    return String(value);
  }

  const cases = FRENCH_FUNCTIONS.functions.flatMap((f) => f.examples.map((example, index) => ({ f, example, index })));

  it("covers every function", () => {
    expect(new Set(cases.map(({ f }) => f.id)).size).toBe(Object.keys(EXPECTED).length);
  });

  it.each(cases.map((c) => [`${c.f.id} #${c.index + 1} → ${c.example.result}`, c] as const))("%s", (_label, { f, example }) => {
    const call = exported[EXPECTED[f.id].exportName];
    expect(shown(call(...example.args.map(excelArgument)), example.result)).toBe(example.result);
  });
});

describe("README", () => {
  it("documents every function under its French and English names", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const f of FRENCH_FUNCTIONS.functions) {
      expect(readme).toContain(`CONV.${f.name}`);
      expect(readme).toContain(`CONV.${f.id}`);
    }
  });
});
