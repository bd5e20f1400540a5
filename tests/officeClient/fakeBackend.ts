/**
 * A protocol-level Excel host: runs the requests the real Office.js client sends (see wire.ts)
 * against the fake host's object model (tests/browser/fakeOffice/fakeExcel.ts), reflectively:
 *
 * - object paths: the root is the fake's `workbook`; a Property path `Worksheets` is
 *   `parent.worksheets`; a Method path `GetRange("A1")` is `parent.getRange("A1")`; an Indexer
 *   path is `parent.getItem(key)`; a ReferenceId path is an object this backend kept;
 * - actions: SetProperty `Values` is `object.values = …`; Method `Delete` is `object.delete()`;
 *   Query loads the selected properties on the fake (`load`, then the fake's `sync`) and returns
 *   them PascalCase; Instantiate evaluates the path and returns `null` for a null object, a
 *   `_ReferenceId` for an object the client keeps (`_KeepReference`: the ranges of an Excel.run),
 *   an `Id` for another object a method returned (`worksheets.add()`: the client then names the
 *   sheet `worksheets.getItem(id)`, as its Worksheet and Table classes expect).
 *
 * One FakeContext serves every request (the host's state is the fake host's). The fake defers its
 * errors to its `sync`: the backend syncs the fake after every action, so that an error is the
 * failing action's, and answers `{ Results, Error: { Code, Message, ActionIndex } }`: the client
 * throws an OfficeExtension.Error whose `code` is the fake's (ItemNotFound, AccessDenied…).
 *
 * What the real client asks and the fake does not have is recorded (`missing`), never added to
 * the fake; by default the action is then skipped (strict: it fails with NotImplemented).
 */
import { FakeContext, FakeExcelHost } from "../browser/fakeOffice/fakeExcel";
import { ActionInfo, ActionResult, ActionType, ArgumentInfo, ObjectPathInfo, ObjectPathType, QueryInfo, RequestBody, ResponseBody, ResponseError } from "./wire";

/** Something the real client sent that the fake host lacks. */
export interface MissingFeature {
  /** "path": a navigation property or a method returning an object; "method"; "set": a property set; "query": a property loaded. */
  readonly kind: "path" | "method" | "set" | "query";
  /** The fake's class and member: "FakeRange.numberFormatLocal". */
  readonly member: string;
  /** The first request expression that needed it: "workbook.worksheets.getItem().getRange().numberFormatLocal". */
  readonly example: string;
  /** How many times it was asked for. */
  count: number;
  /** Done by the backend with what the fake has (getItemAt with `items`, getRange with getRangeByIndexes). */
  readonly emulated: boolean;
}

export interface FakeBackendOptions {
  /** Fail an action the fake cannot do (code NotImplemented) instead of skipping it. */
  readonly strict?: boolean;
}

/** An object the fake host does not have (a path through a missing member): actions on it are recorded and skipped. */
class Absent {
  constructor(readonly expression: string) {}
}

/** An error the backend raises itself (the fake's errors carry their own `code`). */
class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A fake range's rectangle and how to get another range of its sheet (FakeRange's row, column, rows, columns, worksheet). */
interface Geometry {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly sheet: object;
  readonly getRangeByIndexes: (...args: unknown[]) => unknown;
}

type Rectangle = Pick<Geometry, "row" | "column" | "rows" | "columns">;

function geometry(value: object): Geometry | null {
  const [row, column, rows, columns] = ["row", "column", "rows", "columns"].map((name) => Reflect.get(value, name));
  if (typeof row !== "number" || typeof column !== "number" || typeof rows !== "number" || typeof columns !== "number") return null;
  const sheet: unknown = "worksheet" in value ? Reflect.get(value, "worksheet") : undefined;
  if (!isObject(sheet)) return null;
  const getRangeByIndexes: unknown = Reflect.get(sheet, "getRangeByIndexes");
  if (typeof getRangeByIndexes !== "function") return null;
  return { row, column, rows, columns, sheet, getRangeByIndexes: (...args) => Reflect.apply(getRangeByIndexes, sheet, args) };
}

const isRectangle = (value: unknown): value is Rectangle => isObject(value) && "row" in value && "rows" in value;

/**
 * Range methods the real client sends on its own (setting more than 1 500 cells, it writes chunks
 * of rows: `range.getRow(i).getBoundingRect(range.getRow(j))`) that the fake lacks: done with the
 * fake's getRangeByIndexes. Arguments that are ranges come as their rectangles.
 */
const RANGE_METHODS: Readonly<Record<string, (range: Rectangle, args: readonly unknown[]) => Rectangle | null>> = {
  getRow: (r, [i]) => ({ row: r.row + Number(i), column: r.column, rows: 1, columns: r.columns }),
  getColumn: (r, [j]) => ({ row: r.row, column: r.column + Number(j), rows: r.rows, columns: 1 }),
  getCell: (r, [i, j]) => ({ row: r.row + Number(i), column: r.column + Number(j), rows: 1, columns: 1 }),
  getLastCell: (r) => ({ row: r.row + r.rows - 1, column: r.column + r.columns - 1, rows: 1, columns: 1 }),
  getLastRow: (r) => ({ row: r.row + r.rows - 1, column: r.column, rows: 1, columns: r.columns }),
  getLastColumn: (r) => ({ row: r.row, column: r.column + r.columns - 1, rows: r.rows, columns: 1 }),
  getOffsetRange: (r, [dr, dc]) => ({ row: r.row + Number(dr), column: r.column + Number(dc), rows: r.rows, columns: r.columns }),
  getResizedRange: (r, [dr, dc]) => ({ row: r.row, column: r.column, rows: r.rows + Number(dr), columns: r.columns + Number(dc) }),
  getBoundingRect: (r, [other]) => {
    if (!isRectangle(other)) return null;
    const top = Math.min(r.row, other.row);
    const left = Math.min(r.column, other.column);
    return { row: top, column: left, rows: Math.max(r.row + r.rows, other.row + other.rows) - top, columns: Math.max(r.column + r.columns, other.column + other.columns) - left };
  },
};

/** Excel's HTTP status for an error code (what `error.httpStatusCode` says). */
const HTTP_STATUS: Readonly<Record<string, number>> = {
  ItemNotFound: 404,
  AccessDenied: 403,
  ItemAlreadyExists: 409,
  Conflict: 409,
  GeneralException: 500,
  NotImplemented: 501,
};

type Resolved = object | null;

interface RequestState {
  readonly body: RequestBody;
  readonly objects: Map<number, Resolved>;
  readonly expressions: Map<number, string>;
  /** Object paths the request keeps (a `_KeepReference` action on them). */
  readonly kept: ReadonlySet<number>;
}

const isObject = (value: unknown): value is object => (typeof value === "object" && value !== null) || typeof value === "function";
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** "Worksheets" → "worksheets"; "_KeepReference" stays. */
const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
/** "rowIndex" → "RowIndex": the response's property names. */
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The fake's class of an object ("FakeRange"), or for a plain object the member it came from ("horizontalPageBreaks"). */
function className(value: object, expression: string): string {
  if (value instanceof Absent) return `(absent ${value.expression.split(".").pop() ?? ""})`;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === "string" && name !== "Object" && name !== "") return name;
  const parts = expression.split(".");
  return parts.length > 1 ? (parts[parts.length - 2] ?? "(object)") : "(object)";
}

/** Whether `object.name = …` does something on the fake (a setter or a writable field somewhere on its chain). */
function canSet(target: object, name: string): boolean {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor !== undefined) return descriptor.set !== undefined || descriptor.writable === true;
  }
  return false;
}

/** The names of an object's getters (its scalar properties, for a `load()` without names). */
function getterNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
      if (descriptor.get !== undefined && name !== "items" && name !== "isNullObject") names.add(name);
    }
  }
  return [...names];
}

function errorCode(error: unknown): string {
  if (isObject(error) && "code" in error && typeof error.code === "string") return error.code;
  return "GeneralException";
}

export class FakeExcelBackend {
  /** One context for the backend's life: the objects it keeps (reference ids) stay valid across requests. */
  readonly context: FakeContext;
  private readonly references = new Map<string, { object: object; expression: string }>();
  private readonly referenceOf = new Map<object, string>();
  private referenceCount = 0;
  /** Ids given to objects a method returned (a sheet's is its state's): `getItem(id)` finds them. */
  private readonly identified = new Map<string, object>();
  private readonly idOf = new WeakMap<object, string>();
  private readonly missingFeatures = new Map<string, MissingFeature>();
  /** Requests the backend ran. */
  requests = 0;

  constructor(
    readonly host: FakeExcelHost,
    private readonly options: FakeBackendOptions = {},
  ) {
    this.context = new FakeContext(host);
  }

  /** What the real client needed that the fake lacks (emulated by the backend or skipped), most asked first. */
  get missing(): MissingFeature[] {
    return [...this.missingFeatures.values()].sort((a, b) => b.count - a.count);
  }

  /** Runs one request; never throws: a failing action ends the request with `Error`, as Excel answers. */
  async execute(body: RequestBody): Promise<ResponseBody> {
    this.requests += 1;
    const kept = new Set(body.Actions.filter((a) => a.ActionType === ActionType.Method && a.Name === "_KeepReference").map((a) => a.ObjectPathId));
    const state: RequestState = { body, objects: new Map(), expressions: new Map(), kept };
    const results: ActionResult[] = [];
    for (let index = 0; index < body.Actions.length; index++) {
      const action = body.Actions[index];
      try {
        const result = await this.action(action, state);
        // The fake defers its errors (a protected sheet, a taken name…) to its sync: they are this action's.
        await this.context.sync();
        if (result !== undefined) results.push(result);
      } catch (error) {
        await this.discardPending();
        return { Results: results, Error: this.responseError(error, index, action, state) };
      }
    }
    return { Results: results };
  }

  /** Empties the fake context's queue after a failure (its error was this request's). */
  private async discardPending(): Promise<void> {
    try {
      await this.context.sync();
    } catch {
      // the pending error, already reported
    }
  }

  private responseError(error: unknown, index: number, action: ActionInfo, state: RequestState): ResponseError {
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    return { Code: code, Message: message, HttpStatusCode: HTTP_STATUS[code] ?? 400, Location: this.actionExpression(action, state), ActionIndex: index };
  }

  private actionExpression(action: ActionInfo, state: RequestState): string {
    const target = state.expressions.get(action.ObjectPathId) ?? this.pathExpression(action.ObjectPathId, state);
    return action.Name === "" ? target : `${target}.${camel(action.Name)}`;
  }

  private async action(action: ActionInfo, state: RequestState): Promise<ActionResult | undefined> {
    switch (action.ActionType) {
      case ActionType.Instantiate:
        return this.instantiate(action, state);
      case ActionType.Query:
        return { ActionId: action.Id, Value: await this.query(await this.resolve(action.ObjectPathId, state), action.QueryInfo ?? {}, this.pathExpression(action.ObjectPathId, state)) };
      case ActionType.Method:
        return this.method(action, state);
      case ActionType.SetProperty:
        await this.setProperty(action, state);
        return undefined;
      case ActionType.Trace:
        return undefined;
      default:
        throw new HostError("NotImplemented", `the backend does not run actions of type ${action.ActionType} (${action.Name})`);
    }
  }

  private async instantiate(action: ActionInfo, state: RequestState): Promise<ActionResult | undefined> {
    const object = await this.resolve(action.ObjectPathId, state);
    if (object === null) return { ActionId: action.Id, Value: null };
    const path = this.pathInfo(action.ObjectPathId, state);
    // An object the client keeps: it names it by this reference id in the next requests.
    if (state.kept.has(action.ObjectPathId) || path.ObjectPathType === ObjectPathType.ReferenceId) {
      return { ActionId: action.Id, Value: { _ReferenceId: this.keep(object, this.pathExpression(action.ObjectPathId, state)) } };
    }
    // Another object a method returned (a sheet worksheets.add() made): its id, by which the
    // client's Worksheet and Table name it afterwards (their _collectionPropertyPath); other
    // classes ignore it. Ranges have no id.
    if (path.ObjectPathType === ObjectPathType.Method && geometry(object) === null && !(object instanceof Absent)) {
      return { ActionId: action.Id, Value: { Id: this.identify(object) } };
    }
    return undefined;
  }

  /** GUID-shaped, 38 characters, as Excel's ids and reference ids are. */
  private static guid(prefix: string, n: number): string {
    return `{${prefix}-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
  }

  private keep(object: object, expression: string): string {
    const known = this.referenceOf.get(object);
    if (known !== undefined) return known;
    this.referenceCount += 1;
    const id = FakeExcelBackend.guid("5EB1F3A0", this.referenceCount);
    this.references.set(id, { object, expression });
    this.referenceOf.set(object, id);
    return id;
  }

  /** An object's id: a fake sheet's is its state's (every FakeWorksheet of one sheet has the same). */
  private identify(object: object): string {
    const state: unknown = Reflect.get(object, "state");
    const key = isObject(state) ? state : object;
    const known = this.idOf.get(key);
    if (known !== undefined) return known;
    const id = FakeExcelBackend.guid("1D000000", this.identified.size + 1);
    this.idOf.set(key, id);
    this.identified.set(id, object);
    return id;
  }

  private async method(action: ActionInfo, state: RequestState): Promise<ActionResult | undefined> {
    const target = await this.resolve(action.ObjectPathId, state);
    const args = await this.argumentsOf(action.ArgumentInfo, state);
    if (action.Name === "_KeepReference") return undefined; // kept at Instantiate already
    if (action.Name === "_RemoveReference") {
      const id = String(args[0]);
      const kept = this.references.get(id);
      if (kept !== undefined) this.referenceOf.delete(kept.object);
      this.references.delete(id);
      return undefined;
    }
    if (target === null) return undefined; // a method of a null object does nothing
    const name = camel(action.Name);
    const expression = `${this.pathExpression(action.ObjectPathId, state)}.${name}()`;
    const area = target instanceof Absent ? null : geometry(target);
    if (name === "_ValidateArraySize" && area !== null) {
      // The client checks the shape of a large values/formulas/numberFormat array before sending it by chunks of rows.
      this.note("method", target, name, expression, true);
      if (Number(args[0]) !== area.rows || Number(args[1]) !== area.columns) throw new HostError("InvalidArgument", `${expression}: ${String(args[0])}×${String(args[1])} for a range of ${area.rows}×${area.columns}`);
      return undefined;
    }
    if (target instanceof Absent || typeof Reflect.get(target, name) !== "function") {
      this.lacks("method", target, name, expression);
      return undefined;
    }
    const value: unknown = Reflect.apply(Reflect.get(target, name) as (...a: unknown[]) => unknown, target, args);
    const settled: unknown = value instanceof Promise ? await value : value;
    return settled === undefined || (isObject(settled) && !isPlainObject(settled) && !Array.isArray(settled)) ? undefined : { ActionId: action.Id, Value: settled };
  }

  private async setProperty(action: ActionInfo, state: RequestState): Promise<void> {
    const target = await this.resolve(action.ObjectPathId, state);
    if (target === null) return;
    const [value] = await this.argumentsOf(action.ArgumentInfo, state);
    const name = camel(action.Name);
    if (target instanceof Absent || !canSet(target, name)) {
      this.lacks("set", target, name, `${this.pathExpression(action.ObjectPathId, state)}.${name}`);
      return;
    }
    Reflect.set(target, name, value);
  }

  /** A Query's value: the selected properties, PascalCase, nested for "a/b"; a collection's items under `_Items`. */
  private async query(target: Resolved, info: QueryInfo, expression: string): Promise<unknown> {
    if (target === null) return null;
    if (target instanceof Absent) {
      this.lacks("query", target, "*", expression);
      return {};
    }
    if ("items" in target) {
      const select = info.Select;
      this.load(target, (select ?? []).map((name) => `items/${name}`));
      await this.context.sync();
      const all: unknown = Reflect.get(target, "items");
      if (!Array.isArray(all)) throw new HostError("GeneralException", `${expression}.items is not a list`);
      const skip = info.Skip ?? 0;
      const items = all.slice(skip, info.Top === undefined ? undefined : skip + info.Top).filter(isObject);
      for (const item of items) this.load(item, select ?? getterNames(item));
      await this.context.sync();
      return { _Items: items.map((item) => this.properties(item, select ?? getterNames(item), `${expression}.items`)) };
    }
    const select = info.Select ?? getterNames(target);
    this.load(target, select);
    await this.context.sync();
    return this.properties(target, select, expression);
  }

  /** `load` on a fake object that has one (the fake then lets its getters be read after its sync). */
  private load(target: object, names: readonly string[]): void {
    const load: unknown = Reflect.get(target, "load");
    if (typeof load === "function") Reflect.apply(load, target, [names.join(",")]);
  }

  private properties(target: object, select: readonly string[], expression: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const name of select) {
      const parts = name.split("/");
      let current: unknown = target;
      let into = result;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!isObject(current) || !(part in current)) {
          this.lacks("query", isObject(current) ? current : target, part, `${expression}.${parts.slice(0, i + 1).join(".")}`);
          break;
        }
        current = Reflect.get(current, part);
        if (i === parts.length - 1) {
          into[pascal(part)] = current;
        } else {
          const nested = into[pascal(part)];
          const next: Record<string, unknown> = isPlainObject(nested) ? nested : {};
          into[pascal(part)] = next;
          into = next;
        }
      }
    }
    return result;
  }

  private pathInfo(id: number, state: RequestState): ObjectPathInfo {
    const path = state.body.ObjectPaths[String(id)];
    if (path === undefined) throw new HostError("InvalidObjectPath", `object path ${id} is not in the request`);
    return path;
  }

  private pathExpression(id: number, state: RequestState): string {
    const known = state.expressions.get(id);
    if (known !== undefined) return known;
    const path = state.body.ObjectPaths[String(id)];
    if (path === undefined) return `#${id}`;
    const parent = path.ParentObjectPathId === undefined ? "" : this.pathExpression(path.ParentObjectPathId, state);
    let expression: string;
    switch (path.ObjectPathType) {
      case ObjectPathType.GlobalObject:
        expression = "workbook";
        break;
      case ObjectPathType.Property:
        expression = `${parent}.${camel(path.Name)}`;
        break;
      case ObjectPathType.Method:
        expression = `${parent}.${camel(path.Name)}()`;
        break;
      case ObjectPathType.Indexer:
        expression = `${parent}.getItem()`;
        break;
      case ObjectPathType.ReferenceId:
        expression = this.references.get(path.Name)?.expression ?? `reference ${path.Name}`;
        break;
      default:
        expression = `(path type ${path.ObjectPathType})`;
    }
    state.expressions.set(id, expression);
    return expression;
  }

  /** The fake object of an object path (once per request: a method path runs once). */
  private async resolve(id: number, state: RequestState): Promise<Resolved> {
    if (state.objects.has(id)) return state.objects.get(id) ?? null;
    const path = this.pathInfo(id, state);
    const expression = this.pathExpression(id, state);
    let object: Resolved;
    if (path.ObjectPathType === ObjectPathType.GlobalObject) {
      object = this.context.workbook;
    } else if (path.ObjectPathType === ObjectPathType.ReferenceId) {
      const kept = this.references.get(path.Name);
      if (kept === undefined) throw new HostError("InvalidObjectPath", `no object is kept under ${path.Name}`);
      object = kept.object;
    } else if (path.ObjectPathType === ObjectPathType.NullObject) {
      object = null;
    } else {
      if (path.ParentObjectPathId === undefined) throw new HostError("InvalidObjectPath", `${expression} has no parent`);
      const parent = await this.resolve(path.ParentObjectPathId, state);
      object = parent === null ? null : await this.child(parent, path, await this.argumentsOf(path.ArgumentInfo, state), expression);
    }
    state.objects.set(id, object);
    return object;
  }

  private async child(parent: object, path: ObjectPathInfo, args: unknown[], expression: string): Promise<Resolved> {
    if (parent instanceof Absent) return new Absent(expression);
    const name = path.ObjectPathType === ObjectPathType.Indexer ? "getItem" : camel(path.Name);
    if (path.ObjectPathType === ObjectPathType.Property) {
      if (!(name in parent)) return this.absent(parent, name, expression);
      const value: unknown = Reflect.get(parent, name);
      return isObject(value) ? value : this.absent(parent, name, expression);
    }
    if (path.ObjectPathType !== ObjectPathType.Method && path.ObjectPathType !== ObjectPathType.Indexer) {
      throw new HostError("NotImplemented", `object paths of type ${path.ObjectPathType} (${expression})`);
    }
    // getItem(id) with an id this backend gave (a sheet it added): that object.
    const byId = path.ObjectPathType === ObjectPathType.Indexer && typeof args[0] === "string" ? this.identified.get(args[0]) : undefined;
    if (byId !== undefined) return byId;
    const method: unknown = Reflect.get(parent, name);
    if (typeof method !== "function") {
      if (name === "getItemAt") return this.itemAt(parent, Number(args[0]), expression);
      if (name === "getRange" && typeof Reflect.get(parent, "getRangeByIndexes") === "function") return this.rangeAt(parent, args[0], expression);
      const area = geometry(parent);
      if (area !== null && name in RANGE_METHODS) {
        this.note("path", parent, name, expression, true);
        const wanted = RANGE_METHODS[name](area, args.map((arg) => (isObject(arg) ? geometry(arg) : arg)));
        if (wanted === null) throw new HostError("InvalidArgument", `${expression}: arguments ${JSON.stringify(args.map((a) => (isObject(a) ? "(range)" : a)))}`);
        const range: unknown = Reflect.apply(area.getRangeByIndexes, area.sheet, [wanted.row, wanted.column, wanted.rows, wanted.columns]);
        return isObject(range) ? range : this.absent(parent, name, expression);
      }
      return this.absent(parent, name, expression);
    }
    const value: unknown = Reflect.apply(method, parent, args);
    // The fake ran it but returned no object where Excel returns one (horizontalPageBreaks.add → a PageBreak).
    if (!isObject(value)) return this.absent(parent, `${name} (returns no object)`, expression);
    if (path.Name.endsWith("OrNullObject")) return (await this.isNull(value)) ? null : value;
    return value;
  }

  /**
   * `collection.getItemAt(i)`: how the client names an item of a loaded collection whose items
   * came without an id. The fake has no getItemAt: its `items` stand in (recorded as missing).
   */
  private async itemAt(collection: object, index: number, expression: string): Promise<Resolved> {
    this.note("path", collection, "getItemAt", expression, true);
    this.load(collection, ["items"]);
    await this.context.sync();
    const items: unknown = Reflect.get(collection, "items");
    const item: unknown = Array.isArray(items) ? items[index] : undefined;
    if (!isObject(item)) throw new HostError("ItemNotFound", `${expression}: no item ${index}`);
    return item;
  }

  /** `worksheet.getRange("B2:C3")`: the fake has only getRangeByIndexes (a plain A1 address, no sheet name). */
  private rangeAt(sheet: object, address: unknown, expression: string): Resolved {
    this.note("path", sheet, "getRange", expression, true);
    const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(String(address ?? ""));
    if (match === null) throw new HostError("InvalidArgument", `${expression}: the backend reads plain A1 addresses only, not ${String(address)}`);
    const column = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const top = Number(match[2]) - 1;
    const left = column(match[1]);
    const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
    const right = match[3] === undefined ? left : column(match[3]);
    const value: unknown = Reflect.apply(Reflect.get(sheet, "getRangeByIndexes") as (...a: unknown[]) => unknown, sheet, [Math.min(top, bottom), Math.min(left, right), Math.abs(bottom - top) + 1, Math.abs(right - left) + 1]);
    return isObject(value) ? value : this.absent(sheet, "getRange", expression);
  }

  /** Whether an `…OrNullObject` result is the fake's null object (its isNullObject, once loaded). */
  private async isNull(value: object): Promise<boolean> {
    if (!("isNullObject" in value)) return false;
    this.load(value, []);
    await this.context.sync();
    return Reflect.get(value, "isNullObject") === true;
  }

  private absent(parent: object, name: string, expression: string): Absent {
    this.lacks("path", parent, name, expression);
    return new Absent(expression);
  }

  private async argumentsOf(info: ArgumentInfo | undefined, state: RequestState): Promise<unknown[]> {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    const out: unknown[] = [];
    for (let i = 0; i < args.length; i++) out.push(await this.argument(args[i], refs[i], state));
    return out;
  }

  /** An argument: an object path id where ReferencedObjectPathIds says so (the object itself), `{ _ObjectPathId }` inside a plain object. */
  private async argument(value: unknown, ref: unknown, state: RequestState): Promise<unknown> {
    if (typeof ref === "number" && ref !== 0 && typeof value === "number") return this.resolve(value, state);
    if (Array.isArray(ref) && Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(await this.argument(value[i], ref[i], state));
      return out;
    }
    if (isPlainObject(value)) {
      const pathId = value._ObjectPathId;
      if (typeof pathId === "number" && Object.keys(value).length === 1) return this.resolve(pathId, state);
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) out[key] = await this.argument(member, undefined, state);
      return out;
    }
    return value;
  }

  /** A feature the fake lacks: recorded; an error in strict mode. */
  private lacks(kind: MissingFeature["kind"], target: object, member: string, expression: string): void {
    this.note(kind, target, member, expression);
    if (this.options.strict === true) throw new HostError("NotImplemented", `the fake host has no ${kind === "set" ? "settable " : ""}${className(target, expression)}.${member} (${expression})`);
  }

  private note(kind: MissingFeature["kind"], target: object, member: string, expression: string, emulated = false): void {
    const owner = className(target, expression);
    const key = `${kind} ${owner}.${member}`;
    const known = this.missingFeatures.get(key);
    if (known !== undefined) known.count += 1;
    else this.missingFeatures.set(key, { kind, member: `${owner}.${member}`, example: expression, count: 1, emulated });
  }
}
