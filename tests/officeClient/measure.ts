/**
 * The gateway on the real client with its requests measured: each `context.sync` the gateway makes
 * is noted with its own estimate (`lastAction.largestRequestBytes`, the largest so far in the
 * action), so that a report can set what the real client sent next to what the gateway expected.
 */
import { ExcelRunner, OfficeWorkbook, OfficeWorkbookOptions } from "../../src/excel/officeWorkbook";
import { CapturedRequest, RealExcel } from "./realExcel";

export interface MeasuredGateway {
  readonly gateway: OfficeWorkbook;
  /** Runs one gateway action and what it sent: its requests (with its cleanup), the gateway's estimate. */
  action<T>(name: string, run: (gateway: OfficeWorkbook) => Promise<T>): Promise<{ result: T; report: ActionReport }>;
}

export interface ActionReport {
  readonly name: string;
  readonly requests: readonly CapturedRequest[];
  /** For each request the gateway synced: its largest estimate so far in the action (null: a request it did not sync itself, the cleanup). */
  readonly estimates: readonly (number | null)[];
  /** The gateway's `lastAction` after the action. */
  readonly syncs: number;
  readonly largestEstimate: number;
  readonly largestBody: number;
  readonly largestMessage: number;
}

export function measuredGateway(real: RealExcel, options: OfficeWorkbookOptions = {}): MeasuredGateway {
  /** Request index → the gateway's estimate when it synced it. */
  const estimateAt = new Map<number, number>();
  let current: OfficeWorkbook | null = null;
  const run: ExcelRunner = (batch) =>
    real.run((context) => {
      const sync = context.sync.bind(context);
      Object.defineProperty(context, "sync", {
        configurable: true,
        writable: true,
        value: (passThrough?: unknown) => {
          const index = real.requests.length;
          const estimate = current?.lastAction.largestRequestBytes ?? 0;
          // A sync with nothing queued sends nothing: the estimate goes to the request this sync sent, if any.
          const sent = (): void => {
            if (real.requests.length > index) estimateAt.set(index, estimate);
          };
          return sync(passThrough).then(
            (value) => {
              sent();
              return value;
            },
            (error: unknown) => {
              sent();
              throw error;
            },
          );
        },
      });
      return batch(context);
    });
  const gateway = new OfficeWorkbook(run, options);
  current = gateway;
  return {
    gateway,
    async action(name, body) {
      await real.settle();
      const first = real.requests.length;
      const result = await body(gateway);
      await real.settle();
      const requests = real.requests.slice(first);
      const estimates = requests.map((r) => estimateAt.get(r.index) ?? null);
      return {
        result,
        report: {
          name,
          requests,
          estimates,
          syncs: gateway.lastAction.syncs,
          largestEstimate: gateway.lastAction.largestRequestBytes,
          largestBody: Math.max(0, ...requests.map((r) => r.bodyBytes)),
          largestMessage: Math.max(0, ...requests.map((r) => r.messageBytes ?? 0)),
        },
      };
    },
  };
}

const kb = (bytes: number): string => (bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${bytes} B`);

/** A printable table of an action's requests: real body, posted message, response, the gateway's estimate, the actions. */
export function formatReport(report: ActionReport): string {
  const lines = [
    `${report.name}: ${report.requests.length} requests (gateway: ${report.syncs} syncs); largest real body ${kb(report.largestBody)}, posted ${kb(report.largestMessage)}; gateway's largest estimate ${kb(report.largestEstimate)}`,
  ];
  report.requests.forEach((r, i) => {
    const estimate = report.estimates[i];
    const actions = [...r.actions].map(([name, count]) => `${name}×${count}`).join(", ");
    lines.push(
      `  #${r.index} body ${kb(r.bodyBytes)} | posted ${r.messageBytes === undefined ? "-" : kb(r.messageBytes)} | response ${kb(r.response?.bodyBytes ?? 0)}${r.response?.errorCode === undefined ? "" : ` ${r.response.errorCode}`}${r.response?.refused === undefined ? "" : ` REFUSED ${r.response.refused}`} | estimate ${estimate === null ? "-" : kb(estimate)} | ${actions.length > 160 ? `${actions.slice(0, 160)}…` : actions}`,
    );
  });
  return lines.join("\n");
}

/** Where a request's bytes go: per kind of action, its actions' JSON, the object paths they first needed, and the data they carry. */
export interface ByteShare {
  readonly kind: string;
  readonly count: number;
  /** Bytes of the actions and of the object paths first used by them. */
  readonly bytes: number;
  /** Of which the arguments' JSON (the values, formats, links themselves). */
  readonly data: number;
}

export function bytesByAction(request: CapturedRequest): ByteShare[] {
  const body = request.request;
  const counted = new Set<number>();
  const shares = new Map<string, { count: number; bytes: number; data: number }>();
  const pathBytes = (id: number | undefined): number => {
    let bytes = 0;
    while (id !== undefined && !counted.has(id)) {
      counted.add(id);
      const path = body.ObjectPaths[String(id)];
      if (path === undefined) break;
      bytes += Buffer.byteLength(`"${id}":${JSON.stringify(path)},`);
      const args = path.ArgumentInfo?.ReferencedObjectPathIds ?? [];
      for (const ref of args) if (typeof ref === "number" && ref !== 0) bytes += pathBytes(ref);
      id = path.ParentObjectPathId;
    }
    return bytes;
  };
  const kinds = new Map<number, string>(Object.entries({ 1: "Instantiate", 2: "Query", 3: "Method", 4: "SetProperty" }).map(([k, v]) => [Number(k), v]));
  for (const action of body.Actions) {
    const kind = kinds.get(action.ActionType) ?? `ActionType${action.ActionType}`;
    const key = action.ActionType === 1 || action.ActionType === 2 ? kind : `${kind} ${action.Name}`;
    const share = shares.get(key) ?? { count: 0, bytes: 0, data: 0 };
    share.count += 1;
    share.bytes += Buffer.byteLength(JSON.stringify(action)) + 1 + pathBytes(action.ObjectPathId);
    share.data += action.ActionType === 4 ? Buffer.byteLength(JSON.stringify(action.ArgumentInfo?.Arguments?.[0] ?? null)) : 0;
    shares.set(key, share);
  }
  return [...shares.entries()].map(([kind, s]) => ({ kind, ...s })).sort((a, b) => b.bytes - a.bytes);
}

export function formatShares(shares: readonly ByteShare[], total: number): string {
  return shares
    .filter((s) => s.bytes >= total / 200)
    .map((s) => `  ${s.kind}: ${s.count} actions, ${s.bytes} bytes (${((100 * s.bytes) / total).toFixed(1)} %)${s.data > 0 ? `, of which data ${s.data}` : ""}, ${(s.bytes / s.count).toFixed(0)} a piece`)
    .join("\n");
}

/**
 * A runner over the real client that counts the requests each Excel.run sends: its round trips,
 * the syncs that carry something (Excel.run's own last sync sends nothing when nothing is queued).
 */
export function countingRunner(real: RealExcel): { run: ExcelRunner; syncsPerRun: number[] } {
  const syncsPerRun: number[] = [];
  const run: ExcelRunner = async (batch) => {
    const index = syncsPerRun.length;
    syncsPerRun.push(0);
    const first = real.requests.length;
    try {
      return await real.run(batch);
    } finally {
      syncsPerRun[index] = real.requests.length - first;
    }
  };
  return { run, syncsPerRun };
}
