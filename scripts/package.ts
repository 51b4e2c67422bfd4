// `npm run package`: builds the runnable npm package `smart-trust-sandbox` into dist/npm and packs it into
// dist/smart-trust-sandbox-<version>.tgz. The package is the Next.js standalone server (only the files the built app
// needs, traced by Next.js, shipped as bundled dependencies), the migrations and a small start script — no sources,
// no dev dependencies, no build on the user's machine. better-sqlite3 is an ordinary dependency, so npm installs
// the native binary for the user's platform and Node.js version.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { npmCli } from "./npm-cli";

const ROOT = process.cwd();
const BUILD = path.join(ROOT, ".next-package");
const STANDALONE = path.join(BUILD, "standalone");
const OUT = path.join(ROOT, "dist", "npm");
const NATIVE = ["better-sqlite3"];
/** Traced but never used by the sandbox: the image optimizer's native library (next/image is not used). */
const UNUSED_PACKAGES = /^(sharp|@img\/.*)$/;
/** Prisma's runtime for databases and engines the sandbox does not use (it runs the query compiler on SQLite or PostgreSQL). */
const UNUSED_PRISMA_RUNTIME = /(mysql|sqlserver|cockroachdb)|^query_engine_bg\./;

/**
 * Turbopack loads external packages through aliases such as `.next-package/node_modules/jose-<hash>` → the package.
 * npm pack leaves out every nested node_modules folder, so the aliases travel as a list and the start script links them.
 */
function externalAliases(folder: string): { alias: string; target: string }[] {
  if (!existsSync(folder)) return [];
  return packagesIn(folder).flatMap((alias) => {
    const link = path.join(folder, alias);
    if (!lstatSync(link).isSymbolicLink()) return [];
    const target = path
      .relative(path.join(STANDALONE, "node_modules"), path.resolve(path.dirname(link), readlinkSync(link)))
      .split(path.sep)
      .join("/");
    return [{ alias, target }];
  });
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string {
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.map((arg) => path.basename(arg)).join(" ")} failed:\n${result.stdout}`);
  return result.stdout;
}

/** Top-level package names in a node_modules folder, scoped ones as `@scope/name`. */
function packagesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => (name.startsWith("@") ? readdirSync(path.join(folder, name)).map((child) => `${name}/${child}`) : [name]));
}

function sizeOf(entry: string): number {
  const stats = statSync(entry);
  return stats.isDirectory() ? readdirSync(entry).reduce((total, child) => total + sizeOf(path.join(entry, child)), 0) : stats.size;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function main(): void {
  const root = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  console.log("package: building the standalone server…");
  rmSync(BUILD, { recursive: true, force: true });
  run([path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    env: { SANDBOX_PACKAGE_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // The app: server.js and the traced build, without the root package.json (ESM) and node_modules (below).
  for (const entry of readdirSync(STANDALONE)) {
    if (entry === "node_modules" || entry === "package.json") continue;
    cpSync(path.join(STANDALONE, entry), path.join(OUT, "app", entry), {
      recursive: true,
      filter: (source) => !path.relative(STANDALONE, source).split(path.sep).includes("node_modules"),
    });
  }
  const aliases = externalAliases(path.join(STANDALONE, ".next-package", "node_modules"));
  writeFileSync(path.join(OUT, "app", "external-aliases.json"), `${JSON.stringify(aliases, null, 2)}\n`);
  cpSync(path.join(BUILD, "static"), path.join(OUT, "app", ".next-package", "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public"))) cpSync(path.join(ROOT, "public"), path.join(OUT, "app", "public"), { recursive: true });
  cpSync(path.join(ROOT, "prisma", "migrations"), path.join(OUT, "prisma", "migrations"), { recursive: true });
  cpSync(path.join(ROOT, "packages", "server", "bin"), path.join(OUT, "bin"), { recursive: true });
  cpSync(path.join(ROOT, "packages", "server", "README.md"), path.join(OUT, "README.md"));

  const traced = packagesIn(path.join(STANDALONE, "node_modules")).filter((name) => !UNUSED_PACKAGES.test(name));
  const bundled = traced.filter((name) => !NATIVE.includes(name));
  for (const name of bundled) {
    cpSync(path.join(STANDALONE, "node_modules", name), path.join(OUT, "node_modules", name), {
      recursive: true,
      filter: (source) => !(name === "@prisma/client" && UNUSED_PRISMA_RUNTIME.test(path.basename(source))),
    });
  }
  // A bundled copy holds only the files the app needs, and its install scripts are not among them.
  for (const name of bundled) {
    const file = path.join(OUT, "node_modules", name, "package.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    for (const script of ["preinstall", "install", "postinstall", "prepare"]) delete manifest.scripts?.[script];
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const versionOf = (name: string) =>
    JSON.parse(readFileSync(path.join(STANDALONE, "node_modules", name, "package.json"), "utf8")).version as string;
  const manifest = {
    name: "smart-trust-sandbox",
    version: root.version,
    description:
      "Rehearse a patient-facing SMART on FHIR authorization flow, its TLS/DNS trust checks and refresh-token suspension — one command, no build.",
    license: root.license ?? "UNLICENSED",
    bin: { "smart-trust-sandbox": "bin/smart-trust-sandbox.mjs" },
    engines: root.engines,
    files: ["app", "bin", "prisma", "README.md"],
    dependencies: Object.fromEntries(traced.sort().map((name) => [name, versionOf(name)])),
    bundleDependencies: bundled.sort(),
  };
  writeFileSync(path.join(OUT, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  const [tarball] = JSON.parse(
    run([npmCli("npm-cli.js"), "pack", "--json", "--pack-destination", path.join(ROOT, "dist")], { cwd: OUT }),
  ) as { filename: string; unpackedSize: number; entryCount: number }[];
  const file = path.join(ROOT, "dist", tarball.filename);
  console.log(
    `package: ${path.relative(ROOT, file)} — ${megabytes(statSync(file).size)} packed, ${megabytes(tarball.unpackedSize)} unpacked, ${tarball.entryCount} files; app ${megabytes(sizeOf(path.join(OUT, "app")))}, bundled dependencies ${megabytes(sizeOf(path.join(OUT, "node_modules")))} (${bundled.length} packages)`,
  );
}

main();
