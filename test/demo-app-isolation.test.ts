// The demo app is a separate SMART client: it may reach the sandbox only over HTTP, so none of its files may
// import the sandbox's server modules.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["demo-app", "app/(demo)"];
const ALLOWED = [/^\.{1,2}\//, /^@\/demo-app\//, /^next(\/|$)/, /^next-auth(\/|$)/, /^react(\/|$)/, /^jose$/, /^zod$/, /^server-only$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function imports(source: string): string[] {
  return [
    ...source.matchAll(/(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe("demo app isolation", () => {
  const all = ROOTS.flatMap(files);

  it("has files to check", () => {
    expect(all.length).toBeGreaterThan(8);
  });

  it.each(all)("%s imports nothing from the sandbox server", (file) => {
    const forbidden = imports(readFileSync(file, "utf8")).filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)));
    expect(forbidden).toEqual([]);
    for (const specifier of imports(readFileSync(file, "utf8")).filter((s) => s.startsWith("."))) {
      const target = path.resolve(path.dirname(file), specifier);
      expect(
        ROOTS.some((root) => target.startsWith(path.resolve(root))),
        `${file} → ${specifier}`,
      ).toBe(true);
    }
  });
});
