/**
 * The reports as they print: the demo register's annual and comité reports converted to PDF by
 * LibreOffice (scripts/render-report.mjs) and looked at: page count, orientation, the chart drawn,
 * no "#####" in a cell too narrow. Needs soffice and poppler-utils (scripts/setup-system.sh): without
 * them the test is skipped with a message, except under CI=true where their absence is a failure.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { d } from "../helpers/dates";
import { run, tempDir } from "./cliHelpers";

const root = join(__dirname, "..", "..");
const tools = ["soffice", "pdftoppm", "pdfinfo", "pdftotext"];
const missing = tools.filter((tool) => spawnSync(tool, ["--version"], { encoding: "utf8" }).error !== undefined);
const inCi = process.env.CI === "true";

interface Rendered {
  readonly pdf: string;
  readonly pages: number;
  readonly landscape: boolean;
  readonly pngs: readonly string[];
}

function render(xlsx: string, sheet: string, outDir: string): Rendered {
  const child = spawnSync(process.execPath, [join(root, "scripts", "render-report.mjs"), xlsx, sheet, outDir, "--resolution", "50"], { encoding: "utf8", timeout: 240_000 });
  if (child.status !== 0) throw new Error(`render-report.mjs: ${child.stderr}`);
  return JSON.parse(child.stdout) as Rendered;
}

function pdfText(pdf: string): string {
  return spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
}

if (missing.length > 0 && !inCi) {
  console.log(`Rendu des rapports non vérifié : ${missing.join(", ")} absent(s) (paquets libreoffice-calc et poppler-utils, voir scripts/setup-system.sh).`);
}

test("LibreOffice and poppler-utils are installed where CI runs", () => {
  if (inCi) expect(missing).toEqual([]);
});

(missing.length === 0 ? describe : describe.skip)("the demo's reports, printed by LibreOffice", () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  let register = "";

  beforeAll(async () => {
    register = join(temp.dir, "registre.xlsx");
    const written = await writeDemoWorkbook(register, d("2026-01-26"));
    if (!written.ok) throw new Error(JSON.stringify(written.error));
  });

  test("the annual report: A4 landscape, synthesis, actions, then the table; its chart drawn", async () => {
    const output = join(temp.dir, "rapport.xlsx");
    expect((await run("rapport", register, "--annee", "2025", "--date", "2026-01-26", "--collectivite", "Agglomération de test", "--sortie", output)).code).toBe(0);
    const rendered = render(output, "Rapport 2025", join(temp.dir, "rendu"));
    expect(rendered).toMatchObject({ pages: 3, landscape: true });
    expect(rendered.pngs).toHaveLength(3);
    const text = pdfText(rendered.pdf);
    expect(text).toContain("Rapport annuel 2025 — conventions de partenariat");
    expect(text).toContain("Comités de suivi : requis et tenus"); // the chart's title: the chart is drawn
    expect(text).toContain("Page 3 / 3");
    expect(text).toContain("246 000,00 €");
    expect(text).not.toContain("###");
    // Each page starts where it should: synthesis, actions, conventions (with its header).
    const pages = text.split("\f");
    expect(pages[1].trimStart().startsWith("Comités de suivi manquants ou à tenir")).toBe(true);
    expect(pages[2].trimStart().startsWith("Conventions en vigueur en 2025 (12)")).toBe(true);
  });

  test("the comité report: one A4 portrait page", async () => {
    const output = join(temp.dir, "comite.xlsx");
    expect((await run("comite", register, "--convention", "TEAM2-2024", "--date", "2026-01-26", "--sortie", output)).code).toBe(0);
    const rendered = render(output, "Comité – TEAM2-2024", join(temp.dir, "rendu"));
    expect(rendered).toMatchObject({ pages: 1, landscape: false });
    const text = pdfText(rendered.pdf);
    expect(text).toContain("Préparation du comité de suivi — convention TEAM2-2024");
    expect(text).toContain("Relevé de décisions");
    expect(text).not.toContain("###");
  });
});
