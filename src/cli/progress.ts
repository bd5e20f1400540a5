/**
 * A progress line on the error output while a large register is read: shown only once the work has
 * taken more than a second, redrawn in place ("\r", the rest of the line erased) at most ten times a
 * second, and erased at the end. Only on a terminal, and never with --json (main decides): piped or
 * redirected output gets nothing of it.
 */
import { terminalLine } from "./terminalText";
import { PROGRESS } from "../i18n/cli.fr";

export interface ProgressStream {
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Bytes of the register read so far, and in all. */
  update(done: number, total: number): void;
  /** Erases the line, if it was shown. */
  end(): void;
}

const ERASE_TO_END = "\u001b[K";

/**
 * A progress line about `file` on `stream`, timed by `now` (milliseconds).
 * @example const progress = progressLine(process.stderr, "registre.xlsx", () => performance.now()); progress.update(5e6, 1e7); progress.end();
 */
export function progressLine(stream: ProgressStream, file: string, now: () => number, delayMs = 1000): Progress {
  const started = now();
  let shown = false;
  let lastDrawn = -Infinity;
  let lastText = "";
  return {
    update(done, total) {
      const at = now();
      if (at - started < delayMs) return;
      const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
      if (percent < 100 && at - lastDrawn < 100) return;
      const text = terminalLine(percent >= 100 ? PROGRESS.checking(file) : PROGRESS.reading(file, percent));
      if (text === lastText) return;
      // A terminal of unknown width (0, as in some pseudo-terminals) is taken for 80 columns.
      const width = Math.max(20, (stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80) - 1);
      stream.write(`\r${text.length > width ? `${text.slice(0, width - 1)}…` : text}${ERASE_TO_END}`);
      shown = true;
      lastDrawn = at;
      lastText = text;
    },
    end() {
      if (shown) stream.write(`\r${ERASE_TO_END}`);
      shown = false;
    },
  };
}
