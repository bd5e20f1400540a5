/**
 * What every bench shares: timing (median of several runs after a warm-up), memory after a
 * garbage collection, the tables printed in French, and the results gathered for results.json.
 */

/** Milliseconds since an arbitrary origin, to the microsecond. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Timing {
  /** Median of the runs, in ms. */
  readonly medianMs: number;
  readonly minMs: number;
  /**
   * Median of the processor time the runs took (process.cpuUsage: user and system, every thread of
   * the process, the garbage collector's helpers included), in ms: on a shared machine the wall
   * time also counts the waits for a processor.
   */
  readonly medianCpuMs: number;
  readonly runs: number;
}

/** Processor time of the process so far (user and system), in ms. */
export function cpuNow(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Runs `work` once to warm up, then `runs` times; the median and the fastest, in ms. */
export function timeRuns(work: () => unknown, runs: number, warmUp = 1): Timing {
  for (let i = 0; i < warmUp; i++) work();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    const startCpu = cpuNow();
    work();
    cpu.push(cpuNow() - startCpu);
    times.push(now() - start);
  }
  return { medianMs: median(times), minMs: Math.min(...times), medianCpuMs: median(cpu), runs };
}

/** As timeRuns, for asynchronous work. */
export async function timeRunsAsync(work: () => Promise<unknown>, runs: number, warmUp = 1): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await work();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    const startCpu = cpuNow();
    await work();
    cpu.push(cpuNow() - startCpu);
    times.push(now() - start);
  }
  return { medianMs: median(times), minMs: Math.min(...times), medianCpuMs: median(cpu), runs };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Heap in use after a full garbage collection (node --expose-gc), in bytes; NaN without it. */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A target of the issue and whether the figure meets it. */
export interface Target {
  readonly label: string;
  readonly met: boolean;
  readonly detail: string;
}

/** One bench's figures and targets, as results.json keeps them. */
export interface BenchSection {
  readonly title: string;
  readonly rows: readonly Readonly<Record<string, string | number | boolean | null>>[];
  readonly targets: readonly Target[];
  readonly notes?: readonly string[];
}

const french = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A number the French way ("1 234,5"); text as it is. */
export function cell(value: string | number | boolean | null): string {
  if (value === null) return "—";
  if (typeof value === "number") return Number.isFinite(value) ? french.format(value) : String(value);
  if (typeof value === "boolean") return value ? "oui" : "non";
  return value;
}

/** Prints a section: its title, its rows as a table (columns = the first row's keys), its targets. */
export function printSection(section: BenchSection): void {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out("");
  out(`== ${section.title}`);
  const columns = section.rows.length === 0 ? [] : Object.keys(section.rows[0]);
  const table = [columns, ...section.rows.map((row) => columns.map((c) => cell(row[c] ?? null)))];
  const widths = columns.map((_, c) => Math.max(...table.map((line) => line[c].length)));
  table.forEach((line, i) => {
    out(line.map((text, c) => (c === 0 ? text.padEnd(widths[c]) : text.padStart(widths[c]))).join("  "));
    if (i === 0) out(widths.map((w) => "-".repeat(w)).join("  "));
  });
  for (const note of section.notes ?? []) out(`   ${note}`);
  for (const target of section.targets) out(`${target.met ? "[atteint]   " : "[NON ATTEINT]"} ${target.label} — ${target.detail}`);
}

/** ms with a sensible number of digits. */
export function ms(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** Bytes as MB (10^6), two decimals. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 1e4) / 100;
}
