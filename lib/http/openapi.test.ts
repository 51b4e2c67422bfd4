// The OpenAPI document cannot drift from the routes: every tenant-scoped control route is documented, every
// documented path exists, and request bodies are the routes' own zod schemas.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { controlApiDocument } from "./openapi";
import { approveGrantSchema } from "./routes/grant-routes";

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

const documentedPathOf = (file: string) =>
  `/${path.relative("app", path.dirname(file))}`.replace(/\[(\w+)\]/g, "{$1}").replace("{action}", "ACTION");

describe("the control API's OpenAPI document", () => {
  const document = controlApiDocument("http://localhost:3999");

  it("is OpenAPI 3.1 with a server and a path per tenant-scoped route", () => {
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.keys(document.paths)
      .filter((documentedPath) => documentedPath.startsWith("/api/sandbox/tenants"))
      .map((documentedPath) => documentedPath.replace(/\/(suspend|reapprove|reinstate|revoke|age)$/, "/ACTION"));
    const routes = routeFiles("app/api/sandbox/tenants").map(documentedPathOf);
    expect(new Set(documented)).toEqual(new Set(routes));
  });

  it("describes a request body with the route's own schema", () => {
    const body = (
      document.paths["/api/sandbox/tenants/{tenant}/grants"].post as {
        requestBody: { content: { "application/json": { schema: unknown } } };
      }
    ).requestBody.content["application/json"].schema;
    const { $schema: _ignored, ...expected } = z.toJSONSchema(approveGrantSchema, { io: "input", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    expect(body).toEqual(expected);
  });

  it("documents changes as {code, kind: identity|acceptability|fact, sentence}", () => {
    const text = JSON.stringify(document.paths["/api/sandbox/tenants/{tenant}/grants/{grantId}"]);
    expect(text).toContain('"enum":["identity","acceptability","fact"]');
    expect(text).toContain('"sentence"');
  });
});
