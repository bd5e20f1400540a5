/**
 * The pool of worker threads behind `verifier DOSSIER/` and `consolider`: results in the order of
 * the tasks whatever order they finish in, never more workers than asked, and a worker that dies
 * with its task (a crash, out of memory) gives that task's failure while the others go on.
 * The workers here are small scripts written for the test, run as the real ones are.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInWorkers } from "../../src/cli/workerPool";
import { tempDir } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

/** A worker that answers n × 2 after n ms, dies on "boom" (exit), throws out of its handler on "throw". */
const script = join(temp.dir, "worker.js");
writeFileSync(
  script,
  `const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", (task) => {
  if (task === "boom") process.exit(3);
  if (task === "throw") throw new Error("lost");
  setTimeout(() => parentPort.postMessage({ value: task * 2, thread: threadId }), task);
});
`,
);

type Result = { value?: number; thread?: number; failed?: string };
const failed = (task: unknown, detail: string): Result => ({ failed: `${String(task)}: ${detail}` });

describe("runInWorkers", () => {
  it("gives the results in the order of the tasks, on at most the workers asked", async () => {
    const done: number[] = [];
    const results = await runInWorkers<number, Result>([60, 5, 30, 1, 20, 10], { script, workers: 2, failed, onResult: (_r, n) => done.push(n) });
    expect(results.map((r) => r.value)).toEqual([120, 10, 60, 2, 40, 20]);
    expect(new Set(results.map((r) => r.thread)).size).toBeLessThanOrEqual(2);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reports the task of a worker that dies and goes on with a new worker", async () => {
    const results = await runInWorkers<number | string, Result>([5, "boom", 7, "throw", 9], { script, workers: 1, failed });
    expect(results).toEqual([
      expect.objectContaining({ value: 10 }),
      { failed: "boom: exit code 3" },
      expect.objectContaining({ value: 14 }),
      { failed: "throw: lost" },
      expect.objectContaining({ value: 18 }),
    ]);
  });

  it("resolves at once without tasks", async () => {
    await expect(runInWorkers<number, Result>([], { script, workers: 4, failed })).resolves.toEqual([]);
  });
});
