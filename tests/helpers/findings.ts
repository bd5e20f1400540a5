/**
 * A finding seen as a record of optional facts, for tests that list the same facts of findings of
 * different codes (the union keyed on `code` only lets code read what each member has).
 */
import { Finding, FindingCode } from "../../src/core/check/findings";

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

export type LooseFinding = { readonly [K in KeysOfUnion<Finding>]?: ValueOf<Finding, K> } & { readonly code: FindingCode };

/** @example loose(finding).period?.label */
export const loose = (finding: Finding): LooseFinding => finding;
