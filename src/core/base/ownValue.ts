/**
 * The value a lookup table holds under a key of its own, never one every object inherits: text a
 * user typed ("constructor", "__proto__") must not find Object.prototype's members in a table of
 * words.
 * @example ownValue({ an: 12, mois: 1 }, "constructor") // undefined
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
