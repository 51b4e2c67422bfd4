// Looks a key from request input up in a plain table without ever reaching Object.prototype
// ("constructor", "__proto__", "toString" are not entries of any table here).

export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return key != null && Object.hasOwn(table, key) ? table[key] : undefined;
}
