/**
 * What the code really calls of Office.js, against what the add-in declares (manifest.xml and
 * src/excel/requirements.ts): every member of the Office.js typings used in src/ is found with the
 * TypeScript checker, and its requirement set read from its own documentation comment
 * ("[Api set: ExcelApi 1.7]", "Requirement set … SharedRuntime 1.1"), the text of the reference
 * pages of learn.microsoft.com. The highest version used of each set must be the one declared: a
 * call that needs a newer Excel fails this test, and so does a declaration that asks for a newer
 * Excel than the code needs (it would keep the add-in from Excels that could run it).
 */
import { join, relative } from "node:path";
import ts from "typescript";
import { REQUIRED_SETS } from "../../src/excel/requirements";

const ROOT = join(__dirname, "..", "..");

/** Sets of the other Office applications, which the shared typings also name on shared members (AddinCommands.Event: Mailbox 1.3). */
const OTHER_HOSTS = /^(Mailbox|WordApi\w*|PowerPointApi\w*|OneNoteApi|VisioApi|ProjectApi|OutlookApi\w*)$/;

/**
 * Where the typings say more than the reference: they tag the whole CustomFunctions.ErrorCode enum
 * 1.3, but "#VALUE!" and "#N/A" are the codes of CustomFunctions.Error since 1.2 — "Requirement set
 * 1.3 adds … new ErrorCode options" (custom-functions-requirement-sets, learn.microsoft.com).
 */
const CORRECTIONS: Readonly<Record<string, string>> = {
  "CustomFunctions.ErrorCode.invalidValue": "CustomFunctionsRuntime 1.2",
  "CustomFunctions.ErrorCode.notAvailable": "CustomFunctionsRuntime 1.2",
};

interface Use {
  readonly set: string;
  readonly version: string;
  readonly member: string;
  readonly where: string;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The requirement sets named in a declaration's documentation comment. */
function setsOf(declaration: ts.Declaration): { set: string; version: string }[] {
  const comment = declaration.getFullText().slice(0, declaration.getLeadingTriviaWidth());
  const found = [...comment.matchAll(/\[\s*Api set:\s*(\w+)\s+([\d.]+)\s*\]/g), ...comment.matchAll(/Requirement set\*\*:\s*\{@link [^|}]*\|\s*(\w+)\s+([\d.]+)\s*\}/g)];
  return found.map((m) => ({ set: m[1], version: m[2] }));
}

/** A member's name as Office.js spells it: Excel.Worksheet.pageLayout. */
function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

/** Every use in src/ of a member of the Office.js typings that has a requirement set. */
function officeUses(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error("tsconfig.json illisible");
  const sources = config.fileNames.filter((file) => relative(ROOT, file).startsWith("src"));
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of program.getSourceFiles()) {
    if (!relative(ROOT, file.fileName).startsWith("src")) continue;
    const visit = (node: ts.Node): void => {
      // A type (Excel.DoubleCellValue in a signature) calls nothing at run time: only what runs counts.
      if (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) return;
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isQualifiedName(node) ? node.right : null;
      const symbol = name === null ? undefined : checker.getSymbolAtLocation(name);
      const declarations = (symbol?.declarations ?? []).filter((d) => /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(d.getSourceFile().fileName));
      if (name !== null && symbol !== undefined && declarations.length > 0) {
        const member = qualifiedName(checker, symbol);
        const where = `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const corrected = CORRECTIONS[member];
        // Overloads may belong to different sets: the lowest that offers the member counts.
        const bySet = new Map<string, string>();
        for (const { set, version } of corrected === undefined ? declarations.flatMap(setsOf) : [{ set: corrected.split(" ")[0], version: corrected.split(" ")[1] }]) {
          if (OTHER_HOSTS.test(set)) continue;
          const known = bySet.get(set);
          if (known === undefined || compareVersions(version, known) < 0) bySet.set(set, version);
        }
        for (const [set, version] of bySet) uses.push({ set, version, member, where });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

describe("requirement sets: what src/ calls of Office.js, against what is declared", () => {
  let uses: Use[] = [];
  beforeAll(() => {
    uses = officeUses();
  }, 120_000);

  /** The highest version of each set that the code uses, with one member that needs it. */
  const highest = (): Map<string, Use> => {
    const top = new Map<string, Use>();
    for (const use of uses) {
      const known = top.get(use.set);
      if (known === undefined || compareVersions(use.version, known.version) > 0) top.set(use.set, use);
    }
    return top;
  };

  it("finds the gateway's calls with their sets (the scan reads the typings)", () => {
    const members = new Set(uses.map((u) => `${u.member} ${u.set} ${u.version}`));
    expect(members).toContain("Excel.Workbook.getActiveCell ExcelApi 1.7");
    expect(members).toContain("Excel.Worksheet.pageLayout ExcelApi 1.9");
    expect(members).toContain("Excel.Worksheet.getUsedRangeOrNullObject ExcelApi 1.4");
    expect(members).toContain("CustomFunctions.Error CustomFunctionsRuntime 1.2");
    expect(members).toContain("Office.Addin.showAsTaskpane SharedRuntime 1.1");
  });

  it("declares every set the code uses, at the highest version it uses", () => {
    const declared = new Map(REQUIRED_SETS.map((s) => [s.name, s.version]));
    const problems = [...highest().values()]
      .filter((use) => declared.get(use.set) === undefined || compareVersions(use.version, declared.get(use.set) ?? "0") > 0)
      .map((use) => `${use.member} (${use.where}) demande ${use.set} ${use.version}, déclaré : ${declared.get(use.set) ?? "rien"}`);
    expect(problems).toEqual([]);
  });

  it("asks for no newer Excel than the code needs", () => {
    const top = highest();
    const problems = REQUIRED_SETS.filter((s) => top.get(s.name)?.version !== s.version).map(
      (s) => `${s.name} ${s.version} déclaré, le code utilise au plus ${top.get(s.name)?.version ?? "rien"}`,
    );
    expect(problems).toEqual([]);
  });

  it("names in each set's `needs` members the code calls, at least one of them at the declared version", () => {
    for (const set of REQUIRED_SETS) {
      const used = new Map(uses.filter((u) => u.set === set.name).map((u) => [u.member.replace(/^Excel\./, ""), u.version]));
      expect([set.name, set.needs.filter((member) => !used.has(member))]).toEqual([set.name, []]);
      expect([set.name, set.needs.some((member) => used.get(member) === set.version)]).toEqual([set.name, true]);
    }
  });
});
