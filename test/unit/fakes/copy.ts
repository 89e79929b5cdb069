/**
 * A deep copy, as a table returns what it stored: plain data, no shared references, undefined
 * attributes dropped. Not `structuredClone`: under jest its objects come from another realm, and
 * `isDeepStrictEqual` (which services use) tells them apart from the test's own.
 */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
