// An outside QA suite against a running SMART Trust Sandbox. Each worker gets its own tenant (created through
// the control API, reset after each test, deleted at the end), so the tests run fully in parallel.
//
//   SANDBOX_URL      where the sandbox is (default http://localhost:3200); also its PUBLIC_URL
//   SANDBOX_COMMAND  how to start it when nothing answers there (default: `npx smart-trust-sandbox`, the runnable
//                    package this project installs, on its own data directory)
//   CHROMIUM_PATH    the Chromium to drive (default: /usr/bin/chromium where it exists, else Playwright's own)
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const SANDBOX_URL = (process.env.SANDBOX_URL ?? "http://localhost:3200").replace(/\/+$/, "");
const port = new URL(SANDBOX_URL).port || (SANDBOX_URL.startsWith("https:") ? "443" : "80");

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: SANDBOX_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
          args: ["--no-sandbox"],
        },
      },
    },
  ],
  webServer: {
    // The runnable package: migrates, seeds and serves in a few seconds, no checkout and no build. Its SQLite
    // database lives in its own data directory, so a QA run never touches anyone's data.
    command:
      process.env.SANDBOX_COMMAND ??
      `npx --no-install smart-trust-sandbox --port ${port} --public-url ${SANDBOX_URL} --data-dir ./test-results/sandbox-data`,
    url: `${SANDBOX_URL}/api/health`,
    reuseExistingServer: true,
    timeout: 60_000,
    // The sandbox logs one JSON line per request on stdout; its errors still come through stderr.
    stdout: "ignore",
    stderr: "pipe",
  },
});
