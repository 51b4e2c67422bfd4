// The browser finder's choices, for each combination of what a machine has (scripts/find-browser.ts).
import { describe, expect, it } from "vitest";
import { BrowserNotFound, findBrowser, NO_BROWSER_MESSAGE, systemCandidates, type FinderContext } from "../scripts/find-browser";

function machine(overrides: Partial<FinderContext> & { files?: string[]; managed?: string | null; installs?: boolean } = {}) {
  const files = new Set(overrides.files ?? []);
  let installed = false;
  const context: FinderContext = {
    env: {},
    platform: "linux",
    exists: (file) => files.has(file),
    managedChromium: () => overrides.managed ?? (installed ? "/home/dev/.cache/ms-playwright/chromium/chrome" : null),
    installManagedChromium: () => (installed = overrides.installs ?? false),
    ...overrides,
  };
  return { context, wasInstalled: () => installed };
}

describe("finding a browser for the tests", () => {
  it("uses CHROMIUM_PATH first, even when a system Chromium exists", () => {
    const { context } = machine({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, files: ["/opt/chrome/chrome", "/usr/bin/chromium"] });
    expect(findBrowser(context)).toEqual({ executablePath: "/opt/chrome/chrome", source: "CHROMIUM_PATH" });
  });

  it("refuses a CHROMIUM_PATH that does not exist instead of falling back silently", () => {
    const { context } = machine({ env: { CHROMIUM_PATH: "/nowhere/chrome" }, files: ["/usr/bin/chromium"] });
    expect(() => findBrowser(context)).toThrow("CHROMIUM_PATH is set to /nowhere/chrome, which does not exist");
  });

  it("takes Debian's Chromium, then other system browsers, on Linux", () => {
    expect(findBrowser(machine({ files: ["/usr/bin/chromium", "/usr/bin/google-chrome"] }).context).executablePath).toBe(
      "/usr/bin/chromium",
    );
    expect(findBrowser(machine({ files: ["/usr/bin/google-chrome-stable"] }).context)).toEqual({
      executablePath: "/usr/bin/google-chrome-stable",
      source: "system",
    });
  });

  it("finds Google Chrome on macOS and on Windows", () => {
    const mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser(machine({ platform: "darwin", files: [mac] }).context).executablePath).toBe(mac);
    const windows = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    expect(systemCandidates("win32", { PROGRAMFILES: "C:\\Program Files" })).toContain(windows);
    expect(findBrowser(machine({ platform: "win32", env: { PROGRAMFILES: "C:\\Program Files" }, files: [windows] }).context).source).toBe(
      "system",
    );
  });

  it("uses Playwright's managed Chromium when it is installed and nothing else is", () => {
    const { context, wasInstalled } = machine({ managed: "/home/dev/.cache/ms-playwright/chromium/chrome" });
    expect(findBrowser(context)).toEqual({ executablePath: "/home/dev/.cache/ms-playwright/chromium/chrome", source: "playwright" });
    expect(wasInstalled()).toBe(false);
  });

  it("installs Playwright's Chromium on first use when the machine can reach it", () => {
    const { context, wasInstalled } = machine({ installs: true });
    expect(findBrowser(context).source).toBe("playwright");
    expect(wasInstalled()).toBe(true);
  });

  it("fails with one line naming the three ways when none can be had", () => {
    const { context } = machine({ installs: false });
    expect(() => findBrowser(context)).toThrow(BrowserNotFound);
    expect(() => findBrowser(context)).toThrow(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).not.toContain("\n");
    expect(NO_BROWSER_MESSAGE).toMatch(/CHROMIUM_PATH.*install Chromium or Google Chrome.*playwright install chromium/);
  });
});
