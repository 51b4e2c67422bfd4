// The team deployment's console protection, played by outside parties: an operator who sets SANDBOX_ADMIN_PASSWORD
// only when starting a build made without it, and a hostile web page posting a form to an open sandbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { DEFAULT_TENANT_ID, E2E_BASE_URL, E2E_PORT } from "./support/e2e-environment";
import { startInstance, type Instance } from "./support/start-instance";

const PROTECTED_PORT = E2E_PORT + 1;
const PROTECTED_URL = `http://localhost:${PROTECTED_PORT}`;
const ADMIN_PASSWORD = "team-sandbox-admin";

test.describe("a console protected at run time", () => {
  let server: Instance;

  test.beforeAll(async () => {
    // The same production build as the rest of the run, which was built without the variable.
    server = await startInstance(PROTECTED_PORT, { SANDBOX_ADMIN_PASSWORD: ADMIN_PASSWORD });
  });

  test.afterAll(() => {
    server.stop();
  });

  test("asks for the password, refuses a wrong one, lets the right one in, signs out; the control API wants the Bearer password", async ({
    page,
  }) => {
    await page.goto(`${PROTECTED_URL}/console/apps`);
    await expect(page).toHaveURL(`${PROTECTED_URL}/console/sign-in`);
    await expect(page.getByRole("heading", { name: "Console sign-in" })).toBeVisible();
    await page.getByLabel("Admin password").fill("not it");
    await page.getByRole("button", { name: "Sign in to the console" }).click();
    await expect(page.getByText("That is not the sandbox admin password.")).toBeVisible();
    await page.getByLabel("Admin password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in to the console" }).click();
    await expect(page).toHaveURL(`${PROTECTED_URL}/console/apps`);
    await expect(page.getByText("Open console for local use")).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${PROTECTED_URL}/console/sign-in`);
    await page.goto(`${PROTECTED_URL}/console/grants`);
    await expect(page).toHaveURL(`${PROTECTED_URL}/console/sign-in`);
    // The walkthrough and the activity export are as protected as the console.
    await page.goto(`${PROTECTED_URL}/walkthrough`);
    await expect(page).toHaveURL(`${PROTECTED_URL}/console/sign-in`);
    expect((await page.request.get(`${PROTECTED_URL}/console/activity-export`, { maxRedirects: 0 })).status()).toBe(307);
    // So are the Raw HTTP pages and a grant's HAR (a route handler, outside the console layout).
    for (const path of ["/console/exchanges", "/console/exchanges/00000000-0000-4000-8000-000000000000"]) {
      await page.goto(`${PROTECTED_URL}${path}`);
      await expect(page).toHaveURL(`${PROTECTED_URL}/console/sign-in`);
    }
    expect((await page.request.get(`${PROTECTED_URL}/console/grants/any-grant/har`, { maxRedirects: 0 })).status()).toBe(307);
    expect((await page.request.get(`${PROTECTED_URL}/api/sandbox/tenants/${DEFAULT_TENANT_ID}/grants/any-grant/har`)).status()).toBe(401);

    expect((await page.request.get(`${PROTECTED_URL}/api/sandbox/clock`)).status()).toBe(401);
    expect(
      (await page.request.get(`${PROTECTED_URL}/api/sandbox/clock`, { headers: { authorization: `Bearer ${ADMIN_PASSWORD}` } })).status(),
    ).toBe(200);
  });
});

test("a hostile page's form POST to reset an open sandbox is refused with 403 and changes nothing", async ({ page, request }) => {
  await request.post("/api/sandbox/clock", { data: { advance: "P1D" } });
  const hostile: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      `<!doctype html><form id="f" method="post" action="${E2E_BASE_URL}/api/sandbox/reset"><input name="x" value="1"></form><script>document.getElementById("f").submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
  try {
    const answered = page.waitForResponse((response) => response.url() === `${E2E_BASE_URL}/api/sandbox/reset`);
    await page.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
    const response = await answered;
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: "forbidden" });
    expect((await (await request.get("/api/sandbox/clock")).json()).offsetSeconds).toBeGreaterThanOrEqual(86_000);
  } finally {
    hostile.close();
    await request.post("/api/sandbox/clock", { data: { reset: true } });
  }
});

test("console pages cannot be framed and are not cached", async ({ request }) => {
  for (const path of ["/console/apps", "/console/sign-in", "/console/api", "/walkthrough"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
});
