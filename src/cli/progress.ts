/**
 * Progress lines on the error output, for a person watching a terminal: a line rewritten in place
 * ("\r", the rest of the line erased) and erased at the end — while a large register is read (shown
 * only once the work has taken more than a second, redrawn at most ten times a second), or while a
 * folder of registers is checked ("Vérification : 37/100 registres"). Only on a terminal, and never
 * with --json (main decides): piped or redirected output gets nothing of it.
 */
import { terminalLine } from "./terminalText";
import { PROGRESS } from "../i18n/cli.fr";

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** A line shown in place of the last one, and erased at the end. */
export interface ProgressLine {
  update(text: string): void;
  end(): void;
}

export interface Progress {
  /** Bytes of the register read so far, and in all. */
  update(done: number, total: number): void;
  /** Erases the line, if it was shown. */
  end(): void;
}

const ERASE_TO_END = "\u001b[K";

/**
 * A line rewritten in place on `stream`, cut to the terminal's width.
 * @example lineInPlace(process.stderr).update("Vérification : 3/100 registres")
 */
export function lineInPlace(stream: ProgressStream): ProgressLine {
  // A terminal of unknown width (0, as in some pseudo-terminals) is taken for 80 columns.
  const width = Math.max(20, (stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80) - 1);
  return {
    update: (text) => void stream.write(`\r${text.length > width ? `${text.slice(0, width - 1)}…` : text}${ERASE_TO_END}`),
    end: () => void stream.write(`\r${ERASE_TO_END}`),
  };
}

/**
 * The progress line of a long run (a folder of registers) on `stream`; null when it is not a terminal.
 * @example folderProgress(process.stderr)?.update("Vérification : 3/100 registres")
 */
export function folderProgress(stream: ProgressStream): ProgressLine | null {
  return stream.isTTY === true ? lineInPlace(stream) : null;
}

/**
 * A progress line about `file` on `stream`, timed by `now` (milliseconds).
 * @example const progress = progressLine(process.stderr, "registre.xlsx", () => performance.now()); progress.update(5e6, 1e7); progress.end();
 */
export function progressLine(stream: ProgressStream, file: string, now: () => number, delayMs = 1000): Progress {
  const line = lineInPlace(stream);
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
      line.update(text);
      shown = true;
      lastDrawn = at;
      lastText = text;
    },
    end() {
      if (shown) line.end();
      shown = false;
    },
  };
}
