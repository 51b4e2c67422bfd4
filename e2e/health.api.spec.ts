import { expect, test } from "@playwright/test";
import { databaseKind } from "../lib/config/environment";
import { E2E_DATABASE_URL } from "./support/e2e-environment";

test("GET /api/health answers ok with the database kind and the migrations applied", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    database: { kind: databaseKind(E2E_DATABASE_URL), migrations: { applied: expect.any(Number), latest: expect.any(String) } },
  });
  expect(body.database.migrations.applied).toBeGreaterThan(0);
});
