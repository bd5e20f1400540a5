/**
 * The wire format of Office.js's "RichApi" requests, as the real client builds them
 * (`ClientRequestBase.buildRequestMessageBodyAndRequestFlags` in excel-web-16.00.js) and reads
 * their answers (`ClientRequestContext.processRequestExecutorResponseMessage`,
 * `ClientRequestBase.processResponse`, each type's `_handleResult`). See README.md for examples.
 */

/** `ActionInfo.ActionType`. */
export const ActionType = {
  /** Makes the object of `ObjectPathId` exist on the host side (evaluates its path). */
  Instantiate: 1,
  /** `load`: the properties in `QueryInfo.Select` of the object (of each item for a collection). */
  Query: 2,
  /** A method that returns no object (`delete()`, `activate()`, `_KeepReference()`…); its result is the method's value. */
  Method: 3,
  /** `object.property = value`: `Name` is the property (PascalCase), `ArgumentInfo.Arguments[0]` the value. */
  SetProperty: 4,
  Trace: 5,
  RecursiveQuery: 6,
  QueryAsJson: 7,
  EnsureUnchanged: 8,
  Update: 9,
} as const;

/** `ObjectPathInfo.ObjectPathType`. */
export const ObjectPathType = {
  /** The root object (the workbook). */
  GlobalObject: 1,
  NewObject: 2,
  /** A method returning an object: `getRange("A1")`, `add("Feuil2")`, `getItemOrNullObject("X")`. */
  Method: 3,
  /** A navigation property: `worksheets`, `format`, `font`. */
  Property: 4,
  /** `collection.getItem(key)` (and the items of a loaded collection when they come with an id). */
  Indexer: 5,
  /** An object the host keeps, named by the `_ReferenceId` it returned. */
  ReferenceId: 6,
  /** An object the host said is null (an `…OrNullObject` that found nothing). */
  NullObject: 7,
} as const;

export interface ArgumentInfo {
  readonly Arguments?: readonly unknown[];
  /** Per argument: 0, an object path id (the argument is that object), or an array for an array argument. */
  readonly ReferencedObjectPathIds?: readonly unknown[];
}

export interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  /** camelCase property names, "a/b" for a property of a navigation property; for a collection, its items'. */
  readonly Select?: readonly string[];
  readonly Expand?: readonly string[];
  readonly Top?: number;
  readonly Skip?: number;
}

export interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  /** PascalCase: "Values", "Delete", "_KeepReference"; "" for Instantiate and Query. */
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: QueryInfo;
  /** Object paths last used by this action (the client's "early dispose" hint). */
  readonly L?: readonly number[];
}

export interface RequestBody {
  readonly AutoKeepReference?: boolean;
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}

export interface ActionResult {
  /** The action's `Id`. */
  readonly ActionId: number;
  /**
   * Instantiate: null for a null object, `{ _ReferenceId }` for an object the host keeps;
   * Query: the loaded properties, PascalCase (`{ Values: [[…]], RowIndex: 3 }`), a collection's
   * items under `_Items`, a navigation property as a nested object (`{ Protection: { Protected: false } }`);
   * Method: the method's value.
   */
  readonly Value?: unknown;
}

export interface ResponseError {
  /** What the client puts in `error.code`: "ItemNotFound", "AccessDenied", "InvalidArgument"… */
  readonly Code: string;
  readonly Message: string;
  readonly HttpStatusCode?: number;
  readonly Location?: string;
  /** Index in `Actions` of the action that failed: the client prints that statement in `error.debugInfo`. */
  readonly ActionIndex?: number;
}

export interface ResponseBody {
  readonly Results: readonly ActionResult[];
  readonly Error?: ResponseError;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function argumentInfo(value: unknown, where: string): ArgumentInfo | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Error(`${where}: ArgumentInfo is not an object`);
  const args = value.Arguments;
  const refs = value.ReferencedObjectPathIds;
  if (args !== undefined && !Array.isArray(args)) throw new Error(`${where}: Arguments is not an array`);
  if (refs !== undefined && !Array.isArray(refs)) throw new Error(`${where}: ReferencedObjectPathIds is not an array`);
  return { Arguments: args, ReferencedObjectPathIds: refs };
}

function queryInfo(value: unknown, where: string): QueryInfo | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Error(`${where}: QueryInfo is not an object`);
  const strings = (list: unknown, name: string): string[] | undefined => {
    if (list === undefined || list === null) return undefined;
    if (!Array.isArray(list) || !list.every((s): s is string => typeof s === "string")) throw new Error(`${where}: ${name} is not a list of names`);
    return list;
  };
  const number = (n: unknown): number | undefined => (typeof n === "number" ? n : undefined);
  return { Select: strings(value.Select, "Select"), Expand: strings(value.Expand, "Expand"), Top: number(value.Top), Skip: number(value.Skip) };
}

function integer(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new Error(`${where} is not an integer`);
  return value;
}

/** The body of a request as the client serialized it, checked field by field. */
export function parseRequestBody(json: unknown): RequestBody {
  if (!isRecord(json)) throw new Error("request body is not an object");
  const { Actions, ObjectPaths, AutoKeepReference } = json;
  if (!Array.isArray(Actions)) throw new Error("request body without Actions");
  if (!isRecord(ObjectPaths)) throw new Error("request body without ObjectPaths");
  const actions = Actions.map((action: unknown, i): ActionInfo => {
    const where = `Actions[${i}]`;
    if (!isRecord(action)) throw new Error(`${where} is not an object`);
    const L = action.L;
    return {
      Id: integer(action.Id, `${where}.Id`),
      ActionType: integer(action.ActionType, `${where}.ActionType`),
      Name: typeof action.Name === "string" ? action.Name : "",
      ObjectPathId: integer(action.ObjectPathId, `${where}.ObjectPathId`),
      ArgumentInfo: argumentInfo(action.ArgumentInfo, where),
      QueryInfo: queryInfo(action.QueryInfo, where),
      L: Array.isArray(L) ? L.map((id, j) => integer(id, `${where}.L[${j}]`)) : undefined,
    };
  });
  const paths: Record<string, ObjectPathInfo> = {};
  for (const [key, path] of Object.entries(ObjectPaths)) {
    const where = `ObjectPaths[${key}]`;
    if (!isRecord(path)) throw new Error(`${where} is not an object`);
    paths[key] = {
      Id: integer(path.Id, `${where}.Id`),
      ObjectPathType: integer(path.ObjectPathType, `${where}.ObjectPathType`),
      Name: typeof path.Name === "string" ? path.Name : "",
      ParentObjectPathId: path.ParentObjectPathId === undefined ? undefined : integer(path.ParentObjectPathId, `${where}.ParentObjectPathId`),
      ArgumentInfo: argumentInfo(path.ArgumentInfo, where),
    };
  }
  return { AutoKeepReference: AutoKeepReference === true, Actions: actions, ObjectPaths: paths };
}

/** Counts of a request's actions by kind and name ("SetProperty Values" → 2): for assertions and reports. */
export function actionSummary(body: RequestBody): Map<string, number> {
  const names = new Map<number, string>(Object.entries(ActionType).map(([name, id]) => [id, name]));
  const counts = new Map<string, number>();
  for (const action of body.Actions) {
    const kind = names.get(action.ActionType) ?? `ActionType${action.ActionType}`;
    const key = action.ActionType === ActionType.Instantiate || action.ActionType === ActionType.Query ? kind : `${kind} ${action.Name}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
