// What a build is made of, and when it last changed: `npm start` rebuilds when these are newer than the build,
// and the example suite repacks the runnable package when they are newer than its tarball.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const BUILD_SOURCES = [
  "app",
  "pages",
  "lib",
  "components",
  "demo-app",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
];

function newestTime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestTime(path.join(entry, child))), stats.mtimeMs);
}

/** The newest modification time below `entries` (relative to `root`). */
export function newestSourceTime(root: string, entries: readonly string[] = BUILD_SOURCES): number {
  return Math.max(0, ...entries.map((entry) => newestTime(path.join(root, entry))));
}
