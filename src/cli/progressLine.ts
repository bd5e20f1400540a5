/**
 * A progress line on the error output, for a person watching a terminal: rewritten in place
 * ("Vérification : 37/100 registres"), erased at the end. Nothing at all when the output is not a
 * terminal (a file, a pipe, another program): the standard output stays the result alone.
 */

/** What a progress line writes to: process.stderr, or a stand-in in the tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export interface ProgressLine {
  /** Shows this text in place of the last one. */
  update(text: string): void;
  /** Erases the line, before the results are printed. */
  end(): void;
}

/**
 * The progress line of a stream; null when the stream is not a terminal.
 * @example progressLine(process.stderr)?.update("Vérification : 3/100 registres")
 */
export function progressLine(stream: ProgressStream): ProgressLine | null {
  if (stream.isTTY !== true) return null;
  // "\r" back to the start of the line, ESC [K erases what a longer text left after it.
  const width = Math.max(10, (stream.columns ?? 80) - 1);
  return {
    update: (text) => void stream.write(`\r${text.length > width ? `${text.slice(0, width - 1)}…` : text}\u001b[K`),
    end: () => void stream.write("\r\u001b[K"),
  };
}
