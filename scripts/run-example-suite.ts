// `npm run test:example`: the example outside QA suite (examples/qa-suite) as a team would run it — the kit built
// and installed from its path, the sandbox installed as the runnable package (the tarball `npm run package` made,
// rebuilt here when missing or older than the sources) and started by the suite's own webServer with
// `npx smart-trust-sandbox` on a fresh data directory, fully parallel with 2 workers. EXAMPLE_REPEAT=N repeats
// every test N times.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { BUILD_SOURCES, newestSourceTime } from "./build-sources";
import { browserForTests } from "./find-browser";

const root = path.resolve(import.meta.dirname, "..");
const example = path.join(root, "examples", "qa-suite");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });

run(
  process.execPath,
  [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "packages", "playwright", "tsconfig.json")],
  root,
);
// The kit is copied on install (install-links), and npm keeps a copy whose version did not change: drop it first.
rmSync(path.join(example, "node_modules", "@smart-trust-sandbox", "playwright"), { recursive: true, force: true });
run(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], example);
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const tarball = path.join(root, "dist", `smart-trust-sandbox-${version}.tgz`);
const packageSources = [...BUILD_SOURCES, "prisma", "packages/server"];
if (!existsSync(tarball) || statSync(tarball).mtimeMs < newestSourceTime(root, packageSources))
  run(process.execPath, ["--import", "tsx", path.join(root, "scripts", "package.ts")], root);
run(npm, ["install", "--no-save", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], example);
rmSync(path.join(example, "test-results", "sandbox-data"), { recursive: true, force: true });
const repeat = process.env.EXAMPLE_REPEAT ?? "1";
// The outside suite reads CHROMIUM_PATH; hand it the browser this machine's finder picked (scripts/find-browser.ts).
const browser = browserForTests().executablePath;
run(process.execPath, [path.join(example, "node_modules", "@playwright", "test", "cli.js"), "test", `--repeat-each=${repeat}`], example, {
  CI: process.env.CI ?? "1",
  CHROMIUM_PATH: browser,
});
