/**
 * Registers written by tools other than ExcelJS, made at test time by the generators of
 * tests/fixtures/thirdParty/ (openpyxl through Debian's /usr/bin/python3, LibreOffice headless,
 * Python-UNO): nothing binary is committed. See tests/fixtures/thirdParty/make_all.py for what each
 * file holds and why.
 *
 *   const tools = thirdPartyToolsAvailable();          // { missing: [] } when everything is there
 *   const made = await makeThirdPartyRegisters(dir);    // { files: { "openpyxl-graphique": "/…/openpyxl-graphique.xlsx", … }, … }
 *
 * The tools are Debian packages that scripts/setup-system.sh installs (python3-openpyxl, python3-pil,
 * python3-uno, libreoffice-calc). Where one is missing, the tests that need them are skipped with a
 * message, except under CI=true, where that is a failure (the convention of tests/browser/).
 * REGISTRE_PYTHON and SOFFICE name other executables than /usr/bin/python3 and soffice.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";

export const THIRD_PARTY_DIR = join(__dirname, "..", "fixtures", "thirdParty");
/** Debian's python, which has Debian's python3-openpyxl (a pyenv python on PATH may not). */
export const PYTHON = process.env.REGISTRE_PYTHON ?? "/usr/bin/python3";
export const SOFFICE = process.env.SOFFICE ?? "soffice";

export const THIRD_PARTY_NAMES = [
  "openpyxl-simple",
  "openpyxl-graphique",
  "openpyxl-image",
  "openpyxl-commentaires",
  "openpyxl-objets",
  "openpyxl-xmlperso",
  "openpyxl-complet",
  "openpyxl-macros",
  "libreoffice-simple",
  "libreoffice-graphique",
  "libreoffice-complet",
  "libreoffice-pivot",
] as const;
export type ThirdPartyName = (typeof THIRD_PARTY_NAMES)[number];

export interface ThirdPartyRegisters {
  /** Each register's path (an .xlsm for openpyxl-macros, .xlsx for the others). */
  readonly files: Readonly<Record<ThirdPartyName, string>>;
  /** The VBA modules LibreOffice imported from openpyxl-macros.xlsm's vbaProject.bin (it is readable VBA). */
  readonly vbaModulesReadByLibreOffice: readonly string[];
  /** The references of the register's conventions, and its number of comités (register_content.py). */
  readonly conventions: readonly string[];
  readonly committees: number;
}

export interface ToolsCheck {
  /** What is missing, in words that say which Debian package brings it; empty when all is there. */
  readonly missing: readonly string[];
}

let toolsCheck: ToolsCheck | null = null;

/**
 * Which of the generators' tools are missing (checked once per process).
 * @example thirdPartyToolsAvailable() // { missing: [] }, or { missing: ["python3-uno (module uno)"] }
 */
export function thirdPartyToolsAvailable(): ToolsCheck {
  if (toolsCheck !== null) return toolsCheck;
  const missing: string[] = [];
  const modules: Record<string, string> = { openpyxl: "python3-openpyxl", PIL: "python3-pil", uno: "python3-uno" };
  const probe = spawnSync(
    PYTHON,
    ["-B", "-c", `import importlib.util, json; print(json.dumps([m for m in ${JSON.stringify(Object.keys(modules))} if importlib.util.find_spec(m) is None]))`],
    { encoding: "utf8", timeout: 30_000 },
  );
  if (probe.error !== undefined || probe.status !== 0) {
    missing.push(`${PYTHON} (python3)`);
  } else {
    for (const module of JSON.parse(probe.stdout) as string[]) missing.push(`${modules[module]} (module ${module} de ${PYTHON})`);
  }
  if (spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 60_000 }).error !== undefined) missing.push(`${SOFFICE} (libreoffice-calc)`);
  toolsCheck = { missing };
  return toolsCheck;
}

export const HOW_TO_GET_TOOLS = "npm run setup installe les paquets Debian python3-openpyxl, python3-pil, python3-uno et libreoffice-calc";

const made = new Map<string, Promise<ThirdPartyRegisters>>();

/**
 * Runs the generators once into `dir` (later calls with the same folder get the same files).
 * Throws when a tool is missing or a generator fails, with its output.
 */
export function makeThirdPartyRegisters(dir: string): Promise<ThirdPartyRegisters> {
  const cached = made.get(dir);
  if (cached !== undefined) return cached;
  const making = generate(dir);
  made.set(dir, making);
  return making;
}

async function generate(dir: string): Promise<ThirdPartyRegisters> {
  const { missing } = thirdPartyToolsAvailable();
  if (missing.length > 0) throw new Error(`Outils manquants pour les registres tiers : ${missing.join(", ")} (${HOW_TO_GET_TOOLS}).`);
  const script = `import json, sys; sys.path.insert(0, ${JSON.stringify(THIRD_PARTY_DIR)})
import make_all, register_content as c
made = make_all.make_all(sys.argv[1])
made["conventions"] = [row[0] for row in c.CONVENTIONS]
made["committees"] = len(c.COMMITTEES)
print(json.dumps(made, ensure_ascii=False))`;
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(PYTHON, ["-B", "-c", script, dir], {
      cwd: THIRD_PARTY_DIR,
      encoding: "utf8",
      timeout: 300_000,
      maxBuffer: 16 << 20,
      env: { ...process.env, SOFFICE, PYTHONDONTWRITEBYTECODE: "1" },
    }));
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Les générateurs de tests/fixtures/thirdParty ont échoué : ${failed.message}\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
  const parsed = JSON.parse(stdout) as ThirdPartyRegisters;
  for (const name of THIRD_PARTY_NAMES) {
    if (typeof parsed.files[name] !== "string") throw new Error(`make_all.py did not make ${name}`);
  }
  return parsed;
}

export interface RoundTrip {
  readonly ok: boolean;
  /** The file LibreOffice wrote, or null. */
  readonly output: string | null;
  readonly status: number | null;
  readonly stderr: string;
}

/**
 * Opens `file` in LibreOffice headless and saves it as `to` (pdf or xlsx) into a new folder under outDir: a check that
 * LibreOffice opens a workbook the CLI wrote, without error. `ok` when soffice exited 0 and wrote a
 * non-empty file (soffice exits 0 even when it could not load the input, so the file is what counts).
 */
export function libreOfficeRoundTrip(file: string, outDir: string, to: "pdf" | "xlsx" = "pdf"): RoundTrip {
  const { child, outputs } = convert([file], outDir, to);
  return { ok: child.status === 0 && outputs[0] !== null, output: outputs[0], status: child.status, stderr: `${child.stderr ?? ""}${child.error?.message ?? ""}` };
}

/**
 * Converts several files in one LibreOffice run (pdf or xlsx), into a new folder under `outDir`;
 * the file written for each, in order, or null where LibreOffice wrote nothing.
 */
export function libreOfficeConvertAll(files: readonly string[], outDir: string, to: "pdf" | "xlsx"): (string | null)[] {
  return convert(files, outDir, to).outputs;
}

function convert(files: readonly string[], outDir: string, to: "pdf" | "xlsx"): { child: ReturnType<typeof spawnSync>; outputs: (string | null)[] } {
  // A profile of its own (it neither waits for nor disturbs another LibreOffice), and a folder of its
  // own for the output (converting to xlsx must not overwrite an input of the same name).
  const profile = mkdtempSync(join(outDir, "lo-profile-"));
  const converted = mkdtempSync(join(outDir, "lo-out-"));
  const filter = to === "pdf" ? "pdf:calc_pdf_Export" : "xlsx:Calc MS Excel 2007 XML";
  const child = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nologo", "--convert-to", filter, "--outdir", converted, ...files], {
    encoding: "utf8",
    timeout: 120_000 + 20_000 * files.length,
  });
  const outputs = files.map((file) => {
    const output = join(converted, `${basename(file, extname(file))}.${to}`);
    return existsSync(output) && statSync(output).size > 0 ? output : null;
  });
  return { child, outputs };
}
