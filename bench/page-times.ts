// Server time of the slow pages, measured in Chromium (navigation timing: request sent → document received):
// the console app page with its scenario predictions and the demo app's record page (signed in as Ava).
// Median of 10 loads each, after one warm-up load.
import { findBrowser } from "../scripts/find-browser";
import { chromium, type Page } from "@playwright/test";
import { SANDBOX_PASSWORD } from "../lib/personas/personas";

const LOADS = 10;

async function documentTimes(page: Page, url: string): Promise<number[]> {
  await page.goto(url);
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(url);
    times.push(
      await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return Math.round(navigation.responseEnd - navigation.requestStart);
      }),
    );
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchPageTimes(origin: string): Promise<{ page: string; medianMs: number; maxMs: number }[]> {
  const browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ baseURL: origin });
    const consoleTimes = await documentTimes(page, "/console/apps/demo-patient-app");
    await page.goto("/demo");
    await page.getByRole("button", { name: "Connect your health record" }).click();
    await page.getByLabel("Username").fill("avarivera");
    await page.getByLabel("Password").fill(SANDBOX_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(/\/demo\/record$/);
    const recordTimes = await documentTimes(page, "/demo/record");
    return [
      { page: "/console/apps/{clientId}", medianMs: median(consoleTimes), maxMs: Math.max(...consoleTimes) },
      { page: "/demo/record", medianMs: median(recordTimes), maxMs: Math.max(...recordTimes) },
    ];
  } finally {
    await browser.close();
  }
}
