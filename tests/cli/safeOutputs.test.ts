/**
 * What the command line writes (src/cli/outputFile.ts), tried the ways it can go wrong: an existing
 * file, a symbolic link (to the register, to another file, to nothing), a hard link, a named pipe,
 * a folder, a full disk. Every output of `rapport`, `comite` and `ics` is refused or written whole;
 * the register and any other file are never touched; no temporary file is left behind.
 *
 * The full disk is tried twice: on a real 64 KiB tmpfs when this machine lets the test mount one
 * (root, as in the project's container), and always with a writer that fails with ENOSPC halfway
 * (writeOutputFile's `write`), which is how a full disk shows itself to the code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { writeOutput, writeOutputFile } from "../../src/cli/outputFile";
import { cliErrorMessage } from "../../src/i18n/cli.fr";
import { d } from "../helpers/dates";
import { dateCell, fingerprint, run, tempDir, writeXlsx } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());
const AS_OF = "2026-01-26";
let register = "";
let folderCount = 0;

beforeAll(async () => {
  register = join(temp.dir, "registre.xlsx");
  const written = await writeDemoWorkbook(register, d(AS_OF));
  if (!written.ok) throw new Error(JSON.stringify(written.error));
});

/** A fresh folder for one case, so that what is left in it can be listed. */
function folder(): string {
  const dir = join(temp.dir, `cas-${++folderCount}`);
  mkdirSync(dir);
  return dir;
}

/** Each command that writes a file, with the output as its last option. */
const COMMANDS: readonly { readonly name: string; readonly extension: string; readonly args: (output: string) => string[] }[] = [
  { name: "rapport", extension: "xlsx", args: (output) => ["rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", output] },
  { name: "comite", extension: "xlsx", args: (output) => ["comite", register, "--convention", "TEAM2-2024", "--date", AS_OF, "--sortie", output] },
  { name: "ics", extension: "ics", args: (output) => ["ics", register, "--date", AS_OF, "--sortie", output] },
];

/** Runs a command, failing the test rather than waiting when it does not end (a named pipe opened for writing would block). */
async function runWithin(seconds: number, argv: string[]): ReturnType<typeof run> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${argv.join(" ")} : pas de réponse en ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([run(...argv), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(COMMANDS)("registre $name: its output", ({ extension, args }) => {
  test("an existing file is kept without --remplacer, replaced whole with it; nothing else is left in the folder", async () => {
    const dir = folder();
    const output = join(dir, `sortie.${extension}`);
    writeFileSync(output, "à garder");
    const refused = await run(...args(output));
    expect([refused.code, refused.stderr]).toEqual([2, `Le fichier « ${output} » existe déjà : il n'est pas remplacé. Choisissez un autre nom, ou ajoutez --remplacer.`]);
    expect(readFileSync(output, "utf8")).toBe("à garder");
    const replaced = await run(...args(output), "--remplacer");
    expect([replaced.code, replaced.stderr]).toEqual([0, ""]);
    expect(readFileSync(output, "utf8")).not.toBe("à garder");
    expect(readdirSync(dir)).toEqual([`sortie.${extension}`]);
  });

  test("a symbolic link is never written through, even with --remplacer: to another file, to the register, to nothing", async () => {
    const dir = folder();
    const other = join(dir, "autre.txt");
    writeFileSync(other, "à garder");
    const before = fingerprint(register);
    const cases: [string, string, string][] = [
      [join(dir, `lien.${extension}`), other, "est un lien symbolique : la commande n'écrit jamais à travers un lien"],
      [join(dir, `lien-registre.${extension}`), register, "est le registre lui-même"],
      [join(dir, `lien-vide.${extension}`), join(dir, "absent.txt"), "est un lien symbolique"],
    ];
    for (const [link, target, reason] of cases) {
      symlinkSync(target, link);
      const result = await run(...args(link), "--remplacer");
      expect([link, result.code, result.stderr.includes(reason)]).toEqual([link, 2, true]);
    }
    expect(readFileSync(other, "utf8")).toBe("à garder");
    expect(existsSync(join(dir, "absent.txt"))).toBe(false);
    expect(fingerprint(register)).toEqual(before);
  });

  test("a named pipe or a folder is refused at once, never opened", async () => {
    const dir = folder();
    const pipe = join(dir, `tube.${extension}`);
    if (spawnSync("mkfifo", [pipe]).status !== 0) throw new Error("mkfifo (coreutils) est nécessaire");
    const piped = await runWithin(5, [...args(pipe), "--remplacer"]);
    expect([piped.code, piped.stderr]).toEqual([2, `« ${pipe} » n'est pas un fichier ordinaire (un dossier, un tube nommé, un périphérique ?) : il n'est pas écrit. Choisissez un autre nom.`]);
    const sub = join(dir, `dossier.${extension}`);
    mkdirSync(sub);
    expect((await run(...args(sub), "--remplacer")).code).toBe(2);
  });
});

test("a register without macros is not copied under a name ending in .xlsm (Excel would not open it)", async () => {
  const output = join(folder(), "rapport.xlsm");
  const result = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", output);
  expect([result.code, result.stderr]).toEqual([
    2,
    `Le registre n'a pas de macros : sa copie ne peut pas se terminer par .xlsm (Excel n'ouvrirait pas « ${output} »). Choisissez un nom en .xlsx. Rien n'est écrit.`,
  ]);
  expect(existsSync(output)).toBe(false);
});

test("a hard link to the register is the register: refused, even with --remplacer", async () => {
  const dir = folder();
  const link = join(dir, "meme-fichier.xlsx");
  linkSync(register, link);
  const before = fingerprint(register);
  const result = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", link, "--remplacer");
  expect([result.code, result.stderr]).toEqual([2, `Le fichier de sortie « ${link} » est le registre lui-même : le registre n'est jamais modifié. Choisissez un autre fichier.`]);
  expect(fingerprint(register)).toEqual(before);
});

describe("a full disk", () => {
  /** Writes half of the bytes, then fails as a full disk does. */
  const fullDisk = async (handle: FileHandle, data: Uint8Array): Promise<void> => {
    await handle.write(data, 0, Math.floor(data.length / 2));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
  };

  test("(simulated ENOSPC halfway) nothing half-written: no new file, the previous one whole with --remplacer, no temporary file", async () => {
    const dir = folder();
    const fresh = join(dir, "nouveau.xlsx");
    const data = new Uint8Array(100_000).fill(7);
    const outcome = await writeOutputFile(fresh, data, { replace: false, write: fullDisk });
    expect(outcome).toMatchObject({ ok: false, exists: false, error: { code: "ENOSPC" } });
    expect(readdirSync(dir)).toEqual([]);

    const previous = join(dir, "ancien.xlsx");
    writeFileSync(previous, "version précédente");
    const error = await writeOutput(previous, data, true, fullDisk);
    expect(error).toMatchObject({ code: "write_failed", path: previous, errno: "ENOSPC" });
    expect(readFileSync(previous, "utf8")).toBe("version précédente");
    expect(readdirSync(dir)).toEqual(["ancien.xlsx"]);
    expect(cliErrorMessage(error ?? { code: "no_command" })).toBe(
      `Le fichier « ${previous} » n'a pas pu être écrit (le disque est plein) : rien n'a été écrit ni remplacé à sa place.`,
    );
  });

  // A real full disk: a 64 KiB tmpfs, when the test may mount one (root); the simulated one above runs everywhere.
  const disk = join(temp.dir, "disque-plein");
  mkdirSync(disk, { recursive: true });
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk], { encoding: "utf8" }).status === 0;
  if (!mounted) console.log("Disque plein réel non essayé : ce compte ne peut pas monter un tmpfs (l'essai simulé, lui, a lieu).");
  afterAll(() => {
    if (mounted) spawnSync("umount", [disk]);
  });

  (mounted ? test : test.skip)("(a real 64 KiB tmpfs) rapport and ics: exit 2 with « le disque est plein », no file left, the previous one whole with --remplacer", async () => {
    const previous = join(disk, "rapport.xlsx");
    writeFileSync(previous, "version précédente");
    // What is left of the disk: less than a report or a calendar needs.
    writeFileSync(join(disk, "remplissage"), Buffer.alloc(56 * 1024));
    const report = await run("rapport", register, "--annee", "2025", "--date", AS_OF, "--sortie", previous, "--remplacer");
    expect([report.code, report.stderr]).toEqual([2, `Le fichier « ${previous} » n'a pas pu être écrit (le disque est plein) : rien n'a été écrit ni remplacé à sa place.`]);
    expect(readFileSync(previous, "utf8")).toBe("version précédente");
    const ics = await run("ics", register, "--date", AS_OF, "--sortie", join(disk, "echeances.ics"));
    expect([ics.code, ics.stderr.includes("(le disque est plein)")]).toEqual([2, true]);
    expect(readdirSync(disk).sort()).toEqual(["rapport.xlsx", "remplissage"]);
  });
});

test("a date past 31/12/9999 is never printed nor exported: a far notification date gives a finding, not « 21/09/10000 »", async () => {
  const dir = folder();
  const far = await writeXlsx(join(dir, "lointain.xlsx"), (wb) => {
    wb.addWorksheet("Conventions").addRow(["Référence", "Intitulé", "Date de notification", "Durée", "Date publication"]);
    wb.getWorksheet("Conventions")?.addRow(["LOIN-1", "Très lointaine", null, "3 ans", null]);
    dateCell(wb, "Conventions", "C2", 2957635); // 22/09/9997
    dateCell(wb, "Conventions", "E2", 2958460); // 26/12/9999: its appeal deadline would fall in 10000
  });
  const checked = await run("verifier", far, "--date", "9999-11-01");
  expect(checked.code).toBe(0);
  expect(checked.stdout).toContain("Durée : 36 mois à compter du 22/09/9997 mènent après le 31/12/9999");
  expect(checked.stdout).not.toMatch(/\d{5}\b(?!\s*€)|10000/);
  const json = await run("verifier", far, "--date", "9999-11-01", "--json");
  expect(json.stdout).not.toMatch(/"\d{5,}-\d\d-\d\d"/);
  const output = join(dir, "lointain.ics");
  const ics = await run("ics", far, "--date", "9999-11-01", "--sortie", output);
  expect(ics.code).toBe(0);
  const text = readFileSync(output, "utf8");
  expect(text).not.toMatch(/DATE:\d{9}/);
  expect(ics.stdout).not.toContain("10000");
});
