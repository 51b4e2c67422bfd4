// An outside QA suite against a running SMART Trust Sandbox. Each worker gets its own tenant (created through
// the control API, reset after each test, deleted at the end), so the tests run fully in parallel.
//
//   SANDBOX_URL      where the sandbox is (default http://localhost:3200); also its PUBLIC_URL
//   SANDBOX_COMMAND  how to start it when nothing answers there (default: `npm start` in SANDBOX_DIR)
//   SANDBOX_DIR      the sandbox checkout for the default command (default ../.., this example's home)
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
    // The sandbox's `npm start` builds when its sources changed, migrates, seeds, then serves. It runs on its own
    // SQLite file here so a QA run never touches the developer's data/sandbox.db.
    command: process.env.SANDBOX_COMMAND ?? "npm start",
    cwd: process.env.SANDBOX_COMMAND ? undefined : (process.env.SANDBOX_DIR ?? "../.."),
    env: process.env.SANDBOX_COMMAND
      ? {}
      : { PORT: port, PUBLIC_URL: SANDBOX_URL, DATABASE_URL: process.env.SANDBOX_DATABASE_URL ?? "file:./data/qa-suite.db" },
    url: `${SANDBOX_URL}/api/health`,
    reuseExistingServer: true,
    // A first start may run `next build`.
    timeout: 10 * 60_000,
    // The sandbox logs one JSON line per request on stdout; its errors still come through stderr.
    stdout: "ignore",
    stderr: "pipe",
  },
});
