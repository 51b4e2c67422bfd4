// The house rules are enforced by the linter (eslint/sandbox-rules.mjs): code that breaks one fails lint with a
// message naming the rule. The fixtures under test/lint-fixtures/ break them on purpose and are linted here as if
// they lived where the rule applies.
import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function lintAs(fixture: string, filePath: string) {
  const [result] = await eslint.lintText(readFileSync(`test/lint-fixtures/${fixture}`, "utf8"), { filePath });
  return result.messages.map((message) => ({ rule: message.ruleId, message: message.message }));
}

describe("house rules in lint", () => {
  it("fails a component that imports the Prisma client or the database handle, naming the rule", async () => {
    const messages = await lintAs("component-imports-prisma.tsx", "components/lint-fixture.tsx");
    expect(messages).toEqual(
      expect.arrayContaining([
        {
          rule: "sandbox/module-boundaries",
          message: expect.stringContaining("only the data layer in lib/ uses the database driver or the Prisma client"),
        },
        {
          rule: "sandbox/module-boundaries",
          message: expect.stringContaining("components render what they are given and never read the database"),
        },
      ]),
    );
  });

  it("fails the demo app importing the sandbox's server code", async () => {
    expect(await lintAs("demo-app-imports-sandbox.ts", "demo-app/lint-fixture.ts")).toEqual([
      { rule: "sandbox/module-boundaries", message: expect.stringContaining("the demo app is an outside SMART client") },
    ]);
  });

  it("fails lib/ importing the framework, and an import that closes a cycle between lib/ folders", async () => {
    const messages = await lintAs("lib-imports-next.ts", "lib/db/lint-fixture.ts");
    expect(messages).toEqual(
      expect.arrayContaining([
        { rule: "sandbox/module-boundaries", message: expect.stringContaining("lib/ is framework-free") },
        {
          rule: "sandbox/no-folder-cycles",
          message:
            "lib/db → lib/trust closes an import cycle between folders (lib/db → lib/trust → lib/db): move what both need to a lower folder",
        },
      ]),
    );
  });

  it("fails a page that queries the database handle itself", async () => {
    expect(await lintAs("page-queries-database.tsx", "app/lint-fixture/page.tsx")).toEqual([
      { rule: "sandbox/module-boundaries", message: expect.stringContaining("query the database through a domain function in lib/") },
    ]);
  });

  it("fails a page that evades the rule by renaming, destructuring or aliasing the handle, or uses the lean query layer", async () => {
    const messages = await lintAs("page-evades-database-rule.tsx", "app/lint-fixture/page.tsx");
    expect(messages.filter((message) => message.rule === "sandbox/module-boundaries")).toHaveLength(3);
    expect(messages.map((message) => message.message).join("\n")).toContain('only lib/ uses the database client module\'s "lean"');
  });

  it("fails a client component importing server code", async () => {
    expect(await lintAs("client-component-imports-secrets.tsx", "components/lint-fixture.tsx")).toEqual([
      { rule: "sandbox/module-boundaries", message: expect.stringContaining('a client component ("use client") ships to the browser') },
    ]);
  });

  it("passes the same code where it belongs (lib/ may read the database)", async () => {
    const messages = await lintAs("page-queries-database.tsx", "lib/console/lint-fixture.tsx");
    expect(messages.filter((message) => message.rule?.startsWith("sandbox/"))).toEqual([]);
  });
});
