/**
 * Tasks run on worker threads, `workers` at a time (one per core by default): each worker takes
 * the next task when it has answered the last one, so a long task does not hold the others back.
 * A worker that dies with its task (out of memory, a crash) gives that task's failure and is
 * replaced; the results come back in the order of the tasks.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

export interface PoolOptions<T, R> {
  /** The worker's compiled script. */
  readonly script: string;
  readonly workers: number;
  /** The result of a task whose worker died, with why. */
  readonly failed: (task: T, detail: string) => R;
  /** Called as each result comes, with how many are done. */
  readonly onResult?: (result: R, done: number) => void;
}

/** Worker threads to start by default: one per core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The compiled script of the folder's worker: beside this module once compiled (lib/cli/), else
 * — this module run from its TypeScript source, by the tests — the project's compiled one
 * (`npm run build:cli` makes it).
 */
export function folderWorkerScript(): string {
  const beside = join(__dirname, "folderWorker.js");
  if (existsSync(beside)) return beside;
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, "lib", "cli", "folderWorker.js");
}

/**
 * Runs every task on the pool's workers; resolves with one result per task, in order.
 * @example await runInWorkers(tasks, { script: folderWorkerScript(), workers: 4, failed: (task, detail) => ({ ok: false, … }) })
 */
export function runInWorkers<T, R>(tasks: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  return new Promise((resolve) => {
    const results = new Array<R>(tasks.length);
    const settled = new Array<boolean>(tasks.length).fill(false);
    let next = 0;
    let done = 0;
    if (tasks.length === 0) {
      resolve([]);
      return;
    }
    const settle = (index: number, result: R): void => {
      if (settled[index]) return;
      settled[index] = true;
      results[index] = result;
      done += 1;
      options.onResult?.(result, done);
      if (done === tasks.length) resolve(results);
    };
    const start = (): void => {
      const worker = new Worker(options.script);
      let current = -1;
      const feed = (): void => {
        if (next >= tasks.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next;
        next += 1;
        worker.postMessage(tasks[current]);
      };
      const died = (detail: string): void => {
        const index = current;
        current = -1;
        if (index < 0 || settled[index]) return;
        // The task goes down with its worker; a new worker takes the tasks left.
        settle(index, options.failed(tasks[index], detail));
        if (next < tasks.length) start();
      };
      worker.on("message", (result: R) => {
        if (current >= 0) settle(current, result);
        feed();
      });
      worker.on("error", (error: Error) => died(error.message));
      worker.on("exit", (code) => died(`exit code ${code}`));
      feed();
    };
    const count = Math.max(1, Math.min(options.workers, tasks.length));
    for (let i = 0; i < count; i++) start();
  });
}
