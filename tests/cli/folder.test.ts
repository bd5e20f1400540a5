/**
 * `registre verifier DOSSIER/` and `registre consolider`, run in-process (main) with the worker
 * threads of the compiled command line (lib/, built when stale), on a folder of registers kept
 * the ways services keep them: the add-in's layout (found by the detection), a staff's own layout
 * (detected too), headers no synonym knows whose mapping the pane stored in the workbook, a
 * register with its own "Service" column; one file that is no workbook; a sub-folder. Each
 * register's result is compared with `registre verifier FICHIER` on the same file.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { folderProgress } from "../../src/cli/progress";
import { CONSOLIDATION_SHEETS } from "../../src/plans/ownedSheets";
import { loadWorkbook } from "../../src/excel/xlsxWorkbook";
import { ensureBuiltCli } from "../helpers/boundedCli";
import { d } from "../helpers/dates";
import { writeGeneratedRegister, writeStoredMappingRegister } from "../helpers/registerFolder";
import { FIXED_TODAY, fingerprint, openXlsx, run, staffWorkbook, tempDir } from "./cliHelpers";

const DATE = ["--date", "2026-03-01"];
const temp = tempDir();
const services = join(temp.dir, "services");
const files: Record<string, string> = {};

beforeAll(async () => {
  ensureBuiltCli();
  mkdirSync(join(services, "sous-dossier"), { recursive: true });
  files.culture = await writeGeneratedRegister(join(services, "culture.xlsx"), 12, d("2026-03-01"), { seed: 1 });
  files.sport = await writeGeneratedRegister(join(services, "sport.xlsx"), 8, d("2026-03-01"), { seed: 2, service: "Sports et loisirs" });
  files.enfance = await writeStoredMappingRegister(join(services, "enfance.xlsx"));
  files.suivi = await staffWorkbook(services);
  files.broken = join(services, "budget.xlsx");
  writeFileSync(files.broken, "ceci n'est pas un classeur");
  // Excel's lock file of an open workbook, and a hidden file: never taken for registers.
  writeFileSync(join(services, "~$culture.xlsx"), "verrou");
  writeFileSync(join(services, ".brouillon.xlsx"), "caché");
  files.nested = await writeGeneratedRegister(join(services, "sous-dossier", "voirie.xlsx"), 5, d("2026-03-01"), { seed: 3 });
}, 120_000);

afterAll(() => temp.remove());

/** `registre verifier FICHIER --json` on one register: what the folder's check must agree with. */
async function single(file: string): Promise<{ alerts: unknown[]; conventions: unknown[] }> {
  const result = await run("verifier", file, ...DATE, "--json");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { alerts: unknown[]; conventions: unknown[] };
}

describe("registre verifier DOSSIER/", () => {
  it("checks every register of the folder, one line each, the findings grouped by register, an unreadable one reported", async () => {
    const result = await run("verifier", services, ...DATE);
    expect(result.code).toBe(0);
    const lines = result.out;
    expect(lines[0]).toMatch(/^Dossier « .*services » — 5 registres, vérification au 01\/03\/2026 \(\d+ processus en parallèle\)$/);
    expect(lines[1]).toBe("1 classeur .xlsx de ses sous-dossiers n'est pas vérifié : ajoutez --recursif pour les inclure.");
    const registers = lines.slice(lines.indexOf("Registres") + 1, lines.indexOf("Constats par registre") - 1);
    expect(registers.map((line) => line.split(" : ")[0].trim())).toEqual(["budget.xlsx", "culture.xlsx", "enfance.xlsx", "sport.xlsx", "suivi.xlsx"]);
    expect(registers[0]).toMatch(/^ {2}budget\.xlsx : ILLISIBLE — Le fichier « .*budget\.xlsx » n'est pas un classeur Excel \.xlsx/);
    expect(registers[1]).toMatch(/^ {2}culture\.xlsx : 12 conventions, \d+ constats .* — colonnes reconnues d'après les en-têtes$/);
    expect(registers[2]).toMatch(/^ {2}enfance\.xlsx : 3 conventions, .* — colonnes confirmées dans le volet$/);
    expect(registers[4]).toMatch(/^ {2}suivi\.xlsx : 4 conventions, /);

    for (const name of ["culture", "sport", "enfance", "suivi"] as const) {
      const alone = await single(files[name]);
      const heading = lines.findIndex((line) => line.startsWith(`== ${name}.xlsx (`));
      expect(lines[heading]).toBe(`== ${name}.xlsx (${alone.conventions.length} conventions, ${alone.alerts.length} constats)`);
    }
    // The findings of a register are those `verifier FICHIER` prints for it, conventions without any left out.
    const alone = await run("verifier", files.culture, ...DATE);
    const start = lines.indexOf(lines.find((l) => l.startsWith("== culture.xlsx")) ?? "");
    const end = lines.findIndex((l, i) => i > start && l.startsWith("== "));
    const block = lines.slice(start + 1, end).filter((l) => l.startsWith("  "));
    expect(block.length).toBeGreaterThan(5);
    for (const line of block) expect(alone.out).toContain(line);
    expect(lines[lines.length - 1]).toMatch(/^Bilan : 4 registres vérifiés sur 5 \(1 illisible\), 27 conventions, \d+ constats .*Aucun registre n'est modifié\.$/);
  });

  it("--recursif takes the sub-folders too, named by their path within the folder", async () => {
    const result = await run("verifier", services, ...DATE, "--recursif");
    expect(result.code).toBe(0);
    expect(result.out[0]).toContain("6 registres");
    expect(result.stdout).toMatch(/^ {2}sous-dossier\/voirie\.xlsx : 5 conventions, /m);
    expect(result.stdout).not.toContain("--recursif pour les inclure");
  });

  it("--json: one object, each register with the same check as `verifier FICHIER --json`, the unreadable one with its code and reason", async () => {
    const result = await run("verifier", services, ...DATE, "--json", "--recursif");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      asOf: string;
      folder: string;
      nestedLeftOut: number;
      registers: { file: string; ok: boolean; mappingSource?: string; conventions?: number; alerts?: Record<string, number>; report?: unknown; error?: { code: string; message: string } }[];
      summary: Record<string, unknown>;
    };
    expect(json.asOf).toBe("2026-03-01");
    expect(json.nestedLeftOut).toBe(0);
    expect(json.registers.map((r) => [r.file, r.ok, r.mappingSource ?? r.error?.code])).toEqual([
      ["budget.xlsx", false, "workbook_file"],
      ["culture.xlsx", true, "detected"],
      ["enfance.xlsx", true, "stored"],
      ["sous-dossier/voirie.xlsx", true, "detected"],
      ["sport.xlsx", true, "detected"],
      ["suivi.xlsx", true, "detected"],
    ]);
    expect(json.registers[0].error?.message).toMatch(/n'est pas un classeur Excel \.xlsx/);
    for (const register of json.registers.filter((r) => r.ok)) {
      const file = join(services, ...register.file.split("/"));
      expect(register.report).toEqual(await single(file));
      const alerts = register.alerts ?? {};
      expect((alerts.late ?? 0) + (alerts.soon ?? 0) + (alerts.data ?? 0)).toBe((register.report as { alerts: unknown[] }).alerts.length);
    }
    expect(json.summary).toMatchObject({ registers: 6, checked: 5, unreadable: 1, conventions: 32 });
  });

  it("gives the same result on one worker as on several", async () => {
    const one = await run("verifier", services, ...DATE, "--processus", "1");
    const four = await run("verifier", services, ...DATE, "--processus", "4");
    expect(one.out[0]).toContain("(1 processus en parallèle)");
    expect(four.out[0]).toContain("(4 processus en parallèle)");
    expect(one.out.slice(1)).toEqual(four.out.slice(1));
  });

  it("shows its progress on a terminal, one register after the other, and erases it before the results", async () => {
    const updates: string[] = [];
    let ended = 0;
    const out: string[] = [];
    const code = await main(["verifier", services, ...DATE, "--processus", "2"], {
      out: (line) => out.push(line),
      err: () => undefined,
      today: () => FIXED_TODAY,
      folderProgress: { update: (text) => updates.push(text), end: () => (ended += 1) },
    });
    expect(code).toBe(0);
    expect(updates[0]).toBe("Vérification : 0/5 registres");
    expect(updates[updates.length - 1]).toBe("Vérification : 5/5 registres (1 illisible)");
    expect(updates.map((u) => Number(/(\d+)\/5/.exec(u)?.[1]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ended).toBe(1);
  });

  it("is refused when there is nothing to check: exit code 2 and the reason", async () => {
    const empty = join(temp.dir, "vide");
    mkdirSync(empty);
    const none = await run("verifier", empty, ...DATE);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`Le dossier « ${empty} » ne contient aucun classeur .xlsx.`);
    expect(none.stdout).toBe("");

    const onlyNested = join(temp.dir, "parent");
    mkdirSync(join(onlyNested, "a"), { recursive: true });
    copyFileSync(files.culture, join(onlyNested, "a", "culture.xlsx"));
    expect((await run("verifier", onlyNested, ...DATE)).stderr).toContain("ses sous-dossiers en contiennent 1 : ajoutez --recursif pour les inclure.");
    expect((await run("verifier", onlyNested, ...DATE, "--recursif")).code).toBe(0);

    const unreadable = join(temp.dir, "illisibles");
    mkdirSync(unreadable);
    writeFileSync(join(unreadable, "a.xlsx"), "texte");
    copyFileSync(files.broken, join(unreadable, "b.xlsx"));
    const all = await run("verifier", unreadable, ...DATE);
    expect(all.code).toBe(2);
    expect(all.stdout).toContain("a.xlsx : ILLISIBLE");
    expect(all.stderr).toBe("Aucun des 2 registres du dossier ne peut être lu.");
    const allJson = await run("verifier", unreadable, ...DATE, "--json");
    expect(allJson.code).toBe(2);
    expect(JSON.parse(allJson.stdout)).toMatchObject({ summary: { registers: 2, checked: 0, unreadable: 2 } });

    const missing = await run("verifier", join(temp.dir, "absent"), ...DATE, "--recursif");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("L'option --recursif ne s'emploie qu'avec un dossier de registres.");
    expect((await run("verifier", files.culture, ...DATE, "--processus", "2")).code).toBe(2);
    const badWorkers = await run("verifier", services, ...DATE, "--processus", "0");
    expect(badWorkers.code).toBe(2);
    expect(badWorkers.stderr).toBe("Option --processus : « 0 » n'est pas un nombre entier de 1 à 64.");
  });

  it("modifies no register", async () => {
    const before = Object.values(files).map(fingerprint);
    await run("verifier", services, ...DATE, "--recursif");
    expect(Object.values(files).map(fingerprint)).toEqual(before);
  });
});

/** The cells of a sheet of a written workbook, as values. */
async function sheetValues(path: string, sheet: string): Promise<readonly (readonly unknown[])[]> {
  return (await (await openXlsx(path)).readSheet(sheet)).values;
}

/** Each hyperlink of a sheet of a saved file: the cell, the file (a relationship's target) and the location within it. */
async function linksOf(path: string, sheetIndex: number): Promise<Map<string, { file: string | null; location: string }>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheet = (await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)?.async("string")) ?? "";
  const rels = (await zip.file(`xl/worksheets/_rels/sheet${sheetIndex}.xml.rels`)?.async("string")) ?? "";
  const unescape = (text: string): string => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const targets = new Map([...rels.matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], unescape(m[2])]));
  const links = new Map<string, { file: string | null; location: string }>();
  for (const tag of sheet.match(/<hyperlink\b[^>]*>/g) ?? []) {
    const ref = /ref="([^"]+)"/.exec(tag)?.[1] ?? "";
    const id = /r:id="([^"]+)"/.exec(tag)?.[1];
    links.set(ref, { file: id === undefined ? null : (targets.get(id) ?? "?"), location: unescape(/location="([^"]+)"/.exec(tag)?.[1] ?? "") });
  }
  return links;
}

describe("registre consolider DOSSIER/ --sortie CONSOLIDE.xlsx", () => {
  const output = join(temp.dir, "sorties", "consolide.xlsx");
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run("consolider", services, "--sortie", output, ...DATE, "--annee", "2025", "--recursif", "--collectivite", "Communauté de test");
  }, 120_000);

  it("writes one new workbook: the registers, all conventions, all alerts, the annual report of them all", async () => {
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe(`Consolidation de 5 registres sur 6 écrite dans « ${output} » :`);
    expect(result.out.slice(1, 5)).toEqual([
      "  feuille « Consolidation – registres » : 6 registres, dont 1 illisible",
      "  feuille « Consolidation – conventions » : 32 conventions",
      expect.stringMatching(/^ {2}feuille « Alertes » : \d+ alertes$/),
      expect.stringMatching(/^ {2}feuille « Rapport 2025 » : rapport annuel 2025, \d+ conventions en vigueur$/),
    ]);
    expect(result.out[result.out.length - 1]).toBe("Les registres ne sont pas modifiés.");
    expect(await (await openXlsx(output)).sheetNames()).toEqual(["Consolidation – registres", "Consolidation – conventions", "Alertes", "Rapport 2025"]);
  });

  it("prints every sheet as the single register's sheets print: A4 landscape, one page wide, header row repeated, page numbers", async () => {
    const workbook = await loadWorkbook(readFileSync(output));
    for (const name of ["Consolidation – registres", "Consolidation – conventions", "Alertes", "Rapport 2025"]) {
      const sheet = workbook.getWorksheet(name);
      expect([name, sheet?.pageSetup]).toEqual([name, expect.objectContaining({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 })]);
      expect(sheet?.headerFooter.oddFooter).toBe("&CPage &P / &N");
    }
    for (const name of ["Consolidation – registres", "Consolidation – conventions", "Alertes"]) {
      expect(workbook.getWorksheet(name)?.pageSetup.printTitlesRow).toBe("5:5");
      expect(workbook.getWorksheet(name)?.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    }
  });

  it("lists each register with its service and counts, and the unreadable one with its reason", async () => {
    const values = await sheetValues(output, CONSOLIDATION_SHEETS.registers);
    expect(values[0][0]).toBe("Registres de conventions consolidés");
    expect(values[1][0]).toMatch(/^Situation au 01\/03\/2026 — dossier « .*services » : 5 registres lus sur 6\.$/);
    expect(values[4]).toEqual(["Registre", "Service", "Conventions", "En retard", "À prévoir", "À corriger", "État"]);
    const rows = values.slice(5);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["budget.xlsx", null, null],
      ["culture.xlsx", "culture", 12],
      ["enfance.xlsx", "enfance", 3],
      ["sous-dossier/voirie.xlsx", "voirie", 5],
      ["sport.xlsx", "Sports et loisirs", 8],
      ["suivi.xlsx", "suivi", 4],
    ]);
    expect(rows[0][6]).toMatch(/^Illisible : Le fichier « .*budget\.xlsx » n'est pas un classeur Excel \.xlsx/);
  });

  it("lists every convention with its register and service (its register's Service cell, else the file's name), its reference linked to its row in the register", async () => {
    const values = await sheetValues(output, CONSOLIDATION_SHEETS.conventions);
    expect(values[4]).toEqual(["Référence", "Intitulé", "Partenaire", "Service", "Registre", "Début", "Fin", "Statut", "Prochain comité", "Semestres sans comité", "Alertes"]);
    const rows = values.slice(5);
    expect(rows).toHaveLength(32);
    expect(rows.filter((r) => r[4] === "sport.xlsx").every((r) => r[3] === "Sports et loisirs")).toBe(true);
    expect(rows.filter((r) => r[4] === "culture.xlsx").every((r) => r[3] === "culture")).toBe(true);
    expect(rows.filter((r) => r[4] === "enfance.xlsx").map((r) => [r[0], r[1], r[5]])).toEqual([
      ["DOS-1", "Accueil de loisirs", 45488],
      ["DOS-2", "Ludothèque itinérante", 45658],
      ["DOS-3", "Séjours d'été", 45292],
    ]);
    const links = await linksOf(output, 2);
    const first = rows.findIndex((r) => r[4] === "enfance.xlsx");
    // Row 1 of "Tableau de bord" holds the headers: DOS-1 is on row 2, its reference in column A.
    expect(links.get(`A${6 + first}`)).toEqual({ file: "../services/enfance.xlsx", location: "'Tableau de bord'!A2" });
    const suivi = rows.findIndex((r) => r[4] === "suivi.xlsx");
    // The staff's register: references in column B of "Suivi 2024 (copie)", from row 4.
    expect(links.get(`A${6 + suivi}`)).toEqual({ file: "../services/suivi.xlsx", location: "'Suivi 2024 (copie)'!B4" });
    const nested = rows.findIndex((r) => r[4] === "sous-dossier/voirie.xlsx");
    expect(links.get(`A${6 + nested}`)?.file).toBe("../services/sous-dossier/voirie.xlsx");
  });

  it("lists every alert of every register, each linked to its cell in its register's file", async () => {
    const json = JSON.parse((await run("verifier", services, ...DATE, "--json", "--recursif")).stdout) as { registers: { file: string; report?: { alerts: { sheet?: string; row?: number; column?: string }[] } }[] };
    const expected = json.registers.flatMap((r) => (r.report === undefined ? [] : r.report.alerts.map((a) => ({ file: r.file, ...a }))));
    const values = await sheetValues(output, "Alertes");
    expect(values[4]).toEqual(["Registre", "Service", "Convention", "Gravité", "Alerte", "Période ou date", "Où", "Message"]);
    const rows = values.slice(5);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r[0])).toEqual(expected.map((a) => a.file));
    const links = await linksOf(output, 3);
    expected.forEach((alert, i) => {
      if (alert.sheet === undefined) return;
      const link = links.get(`G${6 + i}`);
      expect(link?.file).toBe(`../services/${alert.file}`);
      expect(link?.location).toMatch(new RegExp(`!${alert.column ?? "A"}${alert.row}$`));
    });
  });

  it("makes the annual report of all the registers: each figure the sum of the registers' own reports", async () => {
    let inForce = 0;
    for (const name of ["culture", "sport", "enfance", "suivi", "nested"] as const) {
      const report = await run("rapport", files[name], "--annee", "2025", ...DATE, "--sortie", join(temp.dir, `rapport-${name}.xlsx`));
      expect(report.code).toBe(0);
      inForce += Number(/\((\d+) conventions? en vigueur\)/.exec(report.stdout)?.[1]);
    }
    expect(result.out[4]).toContain(`${inForce} conventions en vigueur`);
    const values = await sheetValues(output, "Rapport 2025");
    expect(values[0][0]).toBe("Rapport annuel 2025 — conventions de partenariat");
    expect(values[1][0]).toBe("Communauté de test");
    const figure = values.find((row) => row[0] === "Conventions en vigueur en 2025");
    expect(figure?.[3]).toBe(inForce);
    // The references name their service and link to their line of the conventions sheet.
    const references = values.flat().filter((v): v is string => typeof v === "string" && / \(Sports et loisirs\)$/.test(v));
    expect(references.length).toBeGreaterThan(0);
  });

  it("--json says what was written", async () => {
    const again = await run("consolider", services, "--sortie", join(temp.dir, "sorties", "autre.xlsx"), ...DATE, "--annee", "2025", "--json");
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { output: string; sheets: { name: string; rows: number }[]; summary: Record<string, number> };
    expect(json.output).toBe(join(temp.dir, "sorties", "autre.xlsx"));
    expect(json.sheets.map((s) => s.name)).toEqual(["Consolidation – registres", "Consolidation – conventions", "Alertes", "Rapport 2025"]);
    expect(json.sheets[1].rows).toBe(27);
    expect(json.summary).toMatchObject({ registers: 5, checked: 4, unreadable: 1, conventions: 27 });
  });

  it("never writes over a register, nor over a file without --remplacer, nor anything but an .xlsx", async () => {
    const before = fingerprint(files.culture);
    const onRegister = await run("consolider", services, "--sortie", files.culture, ...DATE, "--remplacer");
    expect(onRegister.code).toBe(2);
    expect(onRegister.stderr).toContain("est le registre lui-même");
    expect(fingerprint(files.culture)).toEqual(before);
    const exists = await run("consolider", services, "--sortie", output, ...DATE);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain("existe déjà : il n'est pas remplacé");
    const notXlsx = await run("consolider", services, "--sortie", join(temp.dir, "consolide.ods"), ...DATE);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toBe(`Le fichier de sortie « ${join(temp.dir, "consolide.ods")} » doit se terminer par .xlsx (aucun autre fichier n'est jamais remplacé).`);
    expect((await run("consolider", files.culture, "--sortie", join(temp.dir, "x.xlsx"), ...DATE)).stderr).toContain("n'est pas un dossier");
    expect((await run("consolider", "--sortie", join(temp.dir, "x.xlsx"))).stderr).toContain("Indiquez le dossier des registres");
  });

  it("written into the folder itself, is replaced next time and never read as one more register", async () => {
    const inside = join(services, "consolidation.xlsx");
    expect((await run("consolider", services, "--sortie", inside, ...DATE)).code).toBe(0);
    const twice = await run("consolider", services, "--sortie", inside, ...DATE, "--remplacer");
    expect(twice.code).toBe(0);
    expect(twice.out[0]).toContain("4 registres sur 5");
    // Another consolidation lying in the folder is no register: reported, never merged in.
    const other = await run("verifier", services, ...DATE);
    expect(other.stdout).toContain(`consolidation.xlsx : ILLISIBLE — Le classeur « ${inside} » est une consolidation écrite par « registre consolider » : ce n'est pas un registre, il n'est pas lu.`);
  });

  it("writes nothing and exits with 2 when no register can be read", async () => {
    const unreadable = join(temp.dir, "rien");
    mkdirSync(unreadable);
    writeFileSync(join(unreadable, "a.xlsx"), "texte");
    const target = join(temp.dir, "rien.xlsx");
    const none = await run("consolider", unreadable, "--sortie", target, ...DATE);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("Le seul registre du dossier ne peut pas être lu.");
    expect(existsSync(target)).toBe(false);
  });
});

describe("folderProgress", () => {
  it("rewrites one line of a terminal in place and erases it at the end; nothing when no terminal watches", () => {
    const written: string[] = [];
    const line = folderProgress({ isTTY: true, columns: 30, write: (text) => written.push(text) > 0 });
    line?.update("Vérification : 1/100 registres");
    line?.update("Vérification : 2/100 registres (1 illisible)");
    line?.end();
    // 29 columns at most (the last one left free): 28 characters and an ellipsis.
    expect(written).toEqual(["\rVérification : 1/100 registr…\u001b[K", "\rVérification : 2/100 registr…\u001b[K", "\r\u001b[K"]);
    expect(folderProgress({ isTTY: false, write: () => true })).toBeNull();
    expect(folderProgress({ write: () => true })).toBeNull();
  });
});
