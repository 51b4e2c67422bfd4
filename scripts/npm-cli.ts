// npm and npx as Node scripts, run with process.execPath: no shell and no `.cmd` shims, so the same call works on
// Linux, macOS and Windows. The npm that runs this script when there is one, else the one beside this Node.js.
import { existsSync } from "node:fs";
import path from "node:path";

export function npmCli(name: "npm-cli.js" | "npx-cli.js"): string {
  const node = path.dirname(process.execPath);
  const folders = [
    process.env.npm_execpath ? path.dirname(process.env.npm_execpath) : null,
    path.join(node, "..", "lib", "node_modules", "npm", "bin"), // Linux, macOS
    path.join(node, "node_modules", "npm", "bin"), // Windows
  ];
  const found = folders.find((folder) => folder && existsSync(path.join(folder, name)));
  if (!found) throw new Error(`cannot find npm's ${name}; run this through npm`);
  return path.join(found, name);
}
