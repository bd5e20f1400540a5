/**
 * The Office requirement sets the add-in needs, declared once: manifest.xml lists the same sets
 * (tests/project/manifest.test.ts compares them), and tests/project/requirementSets.test.ts reads
 * every Office.js member that src/ calls, with the set its reference page gives it, and fails when
 * one needs more than what is declared here (or when this asks for more than the code needs).
 *
 * At start-up the pane and the ribbon's command ask Office whether this Excel has them
 * (`Office.context.requirements.isSetSupported`): an older Excel gets a French message instead of
 * an action that fails half-way. Office may answer "yes" for CustomFunctionsRuntime where custom
 * functions do not run (office-js #884, #1031, "by design"): the manifest's declaration is what
 * keeps the add-in from such an Excel.
 *
 * Not required, used where Excel has it: ExcelApi 1.16 / 1.19, for the custom functions' dates
 * returned as dates (a data-type value with its number format); checked once at start-up
 * (src/functions/excelResult.ts, chooseDateCells), the plain serial elsewhere.
 */

export interface RequirementSet {
  /** The set's name, as the manifest's <Set Name> and isSetSupported spell it. */
  readonly name: string;
  /** Its lowest version with every member the add-in calls. */
  readonly version: string;
  /** Members the add-in calls from this set, as Office.js names them (Excel. left out); one at least needs `version`. */
  readonly needs: readonly string[];
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  {
    name: "ExcelApi",
    version: "1.9",
    // Requirement-set pages of learn.microsoft.com (javascript/api/requirement-sets/excel/excel-api-1-N-requirement-set):
    // 1.9 PageLayout, HeaderFooter, PageBreakCollection; 1.8 DataValidation; 1.7 getActiveCell,
    // getRangeByIndexes, freezePanes, hyperlink; 1.6 conditional formats; 1.4 *OrNullObject.
    needs: ["Worksheet.pageLayout", "Worksheet.horizontalPageBreaks", "Range.dataValidation", "Workbook.getActiveCell", "Worksheet.getRangeByIndexes", "Range.conditionalFormats"],
  },
  {
    name: "CustomFunctionsRuntime",
    version: "1.2",
    // "Requirement set 1.2 adds the CustomFunctions.Error object" (custom-functions-requirement-sets).
    needs: ["CustomFunctions.Error"],
  },
  {
    name: "SharedRuntime",
    version: "1.1",
    needs: ["Office.Addin.showAsTaskpane"],
  },
];

/** The part of Office.context.requirements the check uses. */
export interface RequirementsApi {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface SetSupport {
  readonly set: RequirementSet;
  readonly supported: boolean;
}

/**
 * Each required set with whether this Excel says it has it.
 * @example requirementSupport({ isSetSupported: (name) => name !== "ExcelApi" })[0] // { set: { name: "ExcelApi", … }, supported: false }
 */
export function requirementSupport(requirements: RequirementsApi): SetSupport[] {
  return REQUIRED_SETS.map((set) => ({ set, supported: requirements.isSetSupported(set.name, set.version) }));
}

/**
 * The required sets this Excel lacks ([] when it has them all); null when Office gives no
 * requirements to ask (outside Office, or a stand-in without them): nothing can be said then.
 */
export function missingRequirementSets(requirements: RequirementsApi | null = officeRequirements()): RequirementSet[] | null {
  if (requirements === null) return null;
  return requirementSupport(requirements)
    .filter((s) => !s.supported)
    .map((s) => s.set);
}

/** Office.context.requirements, when the Office global has one. */
export function officeRequirements(): RequirementsApi | null {
  const office = (globalThis as { Office?: { context?: { requirements?: Partial<RequirementsApi> } } }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === "function" ? (requirements as RequirementsApi) : null;
}
