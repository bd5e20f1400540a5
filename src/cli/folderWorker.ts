/**
 * A worker thread of a folder's check (src/cli/workerPool.ts starts one per core): it takes one
 * register at a time from the main thread and answers with its outcome (src/cli/registerOutcome.ts).
 * A failure nobody foresaw becomes that register's outcome, so that the others go on.
 */
import { parentPort } from "node:worker_threads";
import { RegisterOutcome, RegisterTask, registerOutcome } from "./registerOutcome";

const port = parentPort;
if (port !== null) {
  port.on("message", (task: RegisterTask) => {
    registerOutcome(task).then(
      (outcome) => port.postMessage(outcome),
      (error: unknown) => {
        const failed: RegisterOutcome = {
          ok: false,
          name: task.file.name,
          error: { code: "register_failed", path: task.file.name, detail: error instanceof Error ? error.message : String(error) },
        };
        port.postMessage(failed);
      },
    );
  });
}
