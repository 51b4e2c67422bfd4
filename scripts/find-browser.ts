// Which Chromium the browser tests drive, on any developer's machine: CHROMIUM_PATH when set; else a system Chromium
// or Chrome where one is installed; else Playwright's own managed Chromium, installed with Playwright's installer on
// first use when the machine can reach its download host. Fails with one line naming the three ways to get one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type BrowserSource = "CHROMIUM_PATH" | "system" | "playwright";

export interface BrowserChoice {
  /** The executable to launch. */
  executablePath: string;
  source: BrowserSource;
}

export class BrowserNotFound extends Error {
  override name = "BrowserNotFound";
}

export interface FinderContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
  /** Playwright's managed Chromium, if it is installed. */
  managedChromium(): string | null;
  /** Runs Playwright's installer for its Chromium; true when it succeeded. */
  installManagedChromium(): boolean;
}

/** Where Chromium and Chrome usually live, in the order they are tried. */
export function systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === "darwin") {
    return ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"];
  }
  if (platform === "win32") {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env["PROGRAMFILES(X86)"]].filter((root): root is string => !!root);
    return roots.flatMap((root) => [
      path.win32.join(root, "Chromium", "Application", "chrome.exe"),
      path.win32.join(root, "Google", "Chrome", "Application", "chrome.exe"),
    ]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ];
}

export const NO_BROWSER_MESSAGE =
  "no Chromium to run the browser tests: set CHROMIUM_PATH to a Chromium or Chrome executable, install Chromium or Google Chrome, or let Playwright install its own (npx playwright install chromium; it needs to reach Playwright's download host)";

export function findBrowser(context: FinderContext = machine()): BrowserChoice {
  const configured = context.env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!context.exists(configured)) throw new BrowserNotFound(`CHROMIUM_PATH is set to ${configured}, which does not exist`);
    return { executablePath: configured, source: "CHROMIUM_PATH" };
  }
  const system = systemCandidates(context.platform, context.env).find((candidate) => context.exists(candidate));
  if (system) return { executablePath: system, source: "system" };
  const managed = context.managedChromium() ?? (context.installManagedChromium() ? context.managedChromium() : null);
  if (managed) return { executablePath: managed, source: "playwright" };
  throw new BrowserNotFound(NO_BROWSER_MESSAGE);
}

function machine(): FinderContext {
  const require = createRequire(import.meta.url);
  return {
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    managedChromium() {
      const { chromium } = require("@playwright/test") as typeof import("@playwright/test");
      const file = chromium.executablePath();
      return file && existsSync(file) ? file : null;
    },
    installManagedChromium() {
      const cli = path.join(path.dirname(require.resolve("@playwright/test/package.json")), "cli.js");
      console.log("smart-trust-sandbox: no Chromium found; installing Playwright's own (npx playwright install chromium)…");
      return spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "inherit", timeout: 300_000 }).status === 0;
    },
  };
}

/** The choice, said once per test run (Playwright loads its config in every worker too); none is one line and exit 1. */
export function browserForTests(): BrowserChoice {
  let choice: BrowserChoice;
  try {
    choice = findBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFound)) throw error;
    console.error(`smart-trust-sandbox: ${error.message}`);
    process.exit(1);
  }
  if (!process.env.TEST_WORKER_INDEX)
    console.log(
      `browser tests use ${choice.executablePath} (${choice.source === "CHROMIUM_PATH" ? "CHROMIUM_PATH" : choice.source === "system" ? "installed on this system" : "Playwright's managed Chromium"})`,
    );
  return choice;
}
