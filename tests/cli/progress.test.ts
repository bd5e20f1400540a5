/**
 * The progress line of a long read (src/cli/progress.ts): nothing in the first second, then one
 * line redrawn in place and erased at the end; through main only when asked (a terminal, no --json);
 * and in a real pseudo-terminal (util-linux's `script`) from the built command, never when the
 * error output is a file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { progressLine } from "../../src/cli/progress";
import { main } from "../../src/cli/main";
import { writeDemoWorkbook } from "../../src/cli/writeDemoWorkbook";
import { d } from "../helpers/dates";
import { ROOT, ensureBuiltCli } from "../helpers/boundedCli";
import { largeRegister } from "../helpers/hostileWorkbooks";
import { tempDir } from "./cliHelpers";

test("silent for a second, then a line redrawn in place (at most ten times a second), erased at the end", () => {
  let clock = 0;
  const written: string[] = [];
  const progress = progressLine({ columns: 200, write: (text) => written.push(text) }, "registre.xlsx", () => clock);
  clock = 900;
  progress.update(10, 100);
  expect(written).toEqual([]);
  clock = 1000;
  progress.update(42, 100);
  clock = 1050;
  progress.update(43, 100); // within 100 ms: not drawn
  clock = 1200;
  progress.update(100, 100);
  progress.end();
  expect(written).toEqual(["\rLecture de « registre.xlsx » : 42 %\u001b[K", "\rLecture de « registre.xlsx » : 100 % — vérification…\u001b[K", "\r\u001b[K"]);
});

test("a quick read shows nothing, not even the erasing; a file name's controls are shown, not sent", () => {
  const written: string[] = [];
  const quick = progressLine({ write: (text) => written.push(text) }, "r.xlsx", () => 0);
  quick.update(100, 100);
  quick.end();
  expect(written).toEqual([]);
  let clock = 0;
  const hostile = progressLine({ write: (text) => written.push(text) }, "\u001b[2Jr.xlsx", () => clock);
  clock = 2000;
  hostile.update(1, 2);
  expect(written[0]).toContain("␛[2Jr.xlsx");
});

describe("through main and in a terminal", () => {
  let temp = { dir: "", remove: (): void => undefined };
  let demo = "";
  beforeAll(async () => {
    temp = tempDir();
    demo = join(temp.dir, "demo.xlsx");
    await writeDemoWorkbook(demo, d("2026-11-29"));
  });
  afterAll(() => temp.remove());

  test("main draws it only when a progress line is given and --json is not asked", async () => {
    const asked: string[] = [];
    const io = {
      out: () => undefined,
      err: () => undefined,
      today: () => d("2026-11-29"),
      progress: (file: string) => {
        asked.push(file);
        return { update: () => undefined, end: () => undefined };
      },
    };
    expect(await main(["verifier", demo, "--date", "2026-11-29"], io)).toBe(0);
    expect(await main(["verifier", demo, "--date", "2026-11-29", "--json"], io)).toBe(0);
    expect(asked).toEqual([demo]);
  });

  const hasScript = existsSync("/usr/bin/script");
  (hasScript ? test : test.skip)("the built command in a pseudo-terminal draws the line; with stderr to a file, nothing", async () => {
    ensureBuiltCli();
    const file = await largeRegister(temp.dir, 20_000);
    const bin = join(ROOT, "bin", "registre.js");
    const typescript = join(temp.dir, "terminal.txt");
    // script runs the command on a pseudo-terminal and keeps what it showed; the delay is set to 0 so
    // that a machine of any speed shows the line.
    execFileSync("script", ["-qec", `REGISTRE_PROGRESS_MS=0 ${process.execPath} ${bin} verifier ${file} --date 2026-12-06 > /dev/null`, typescript], {
      stdio: "ignore",
    });
    const shown = readFileSync(typescript, "utf8");
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequence is what is looked for
    expect(shown).toMatch(/\rLecture de « \/.*(\d+ %|…)\u001b\[K/);
    expect(shown).toContain("\r\u001b[K");
    const piped = spawnSync(process.execPath, [bin, "verifier", file, "--date", "2026-12-06"], {
      env: { ...process.env, REGISTRE_PROGRESS_MS: "0" },
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
  }, 60_000);
});
