// The house rules as lint rules (README "How the code is laid out"):
//   sandbox/module-boundaries  who may import what: the demo app is an outside client, components render, lib/ is
//                              framework-free, only lib/ touches the Prisma client, and pages call domain functions
//                              rather than the database handle
//   sandbox/no-folder-cycles   no import cycle between the folders of lib/ (a folder may depend on another, or be
//                              depended on by it, never both, even through a third)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEMO_ROOTS = ["demo-app", "app/(demo)"];
const DEMO_PACKAGES = /^(next|next-auth|react|react-dom|jose|zod|server-only)(\/|$)/;
const DATABASE_PACKAGES = /^(@prisma\/|pg$|better-sqlite3$|kysely$)/;

const relative = (file) => path.relative(ROOT, file).split(path.sep).join("/");
const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const isTest = (file) => /\.test\.tsx?$/.test(file) || within(file, "test") || within(file, "e2e");

/** A module specifier as a repository path ("lib/db/client") or a package name, from the importing file. */
function target(specifier, fromFile) {
  if (specifier.startsWith("@/")) return { file: specifier.slice(2) };
  if (specifier.startsWith(".")) return { file: relative(path.resolve(ROOT, path.dirname(fromFile), specifier)) };
  return { pkg: specifier };
}

function importSources(node) {
  if (
    (node.type === "ImportDeclaration" || node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") &&
    node.source
  ) {
    return node.source.value;
  }
  if (node.type === "ImportExpression" && node.source.type === "Literal" && typeof node.source.value === "string") return node.source.value;
  return null;
}

/** Why `file` may not import `to`, or null. */
function boundaryProblem(file, to, specifier) {
  if (DEMO_ROOTS.some((root) => within(file, root))) {
    if (to.pkg ? !DEMO_PACKAGES.test(to.pkg) : !DEMO_ROOTS.some((root) => within(to.file, root))) {
      return `the demo app is an outside SMART client and reaches the sandbox only over HTTP: "${specifier}" is not part of demo-app/ or app/(demo)/`;
    }
    return null;
  }
  const prisma = to.pkg ? DATABASE_PACKAGES.test(to.pkg) : /^lib\/db\/generated/.test(to.file);
  if (prisma && !within(file, "lib") && !within(file, "scripts") && !within(file, "bench") && !isTest(file)) {
    return `only the data layer in lib/ uses the database driver or the Prisma client ("${specifier}"): call a domain function in lib/`;
  }
  if (within(file, "components") && to.file && within(to.file, "lib/db")) {
    return `components render what they are given and never read the database ("${specifier}"): load it in the page through lib/`;
  }
  if (within(file, "lib") && !isTest(file)) {
    if (to.pkg && /^next(\/|$)/.test(to.pkg))
      return `lib/ is framework-free: "${specifier}" belongs in app/ or pages/ (a thin route handler or page around the domain function)`;
    if (to.file && ["app", "pages", "components"].some((folder) => within(to.file, folder))) {
      return `lib/ does not depend on the pages and components built on it ("${specifier}")`;
    }
  }
  return null;
}

const moduleBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Who may import what (README: How the code is laid out)" },
    schema: [],
    messages: { boundary: "{{problem}}", database: "{{problem}}" },
  },
  create(context) {
    const file = relative(context.filename);
    const pageLike = ["app", "pages", "components"].some((folder) => within(file, folder)) && !isTest(file);
    const check = (node) => {
      const specifier = importSources(node);
      if (specifier === null) return;
      const problem = boundaryProblem(file, target(specifier, file), specifier);
      if (problem) context.report({ node: node.source ?? node, messageId: "boundary", data: { problem } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      // Pages, route handlers, server actions and components may hand the shared database handle to a domain
      // function, but never query it themselves.
      MemberExpression(node) {
        if (!pageLike || node.object.type !== "Identifier" || node.object.name !== "db") return;
        const variable = context.sourceCode.getScope(node).references.find((reference) => reference.identifier === node.object)?.resolved;
        const definition = variable?.defs[0];
        if (definition?.type !== "ImportBinding") return;
        const source = definition.parent.source.value;
        const to = target(source, file);
        if (to.file === "lib/db/client") {
          context.report({
            node,
            messageId: "database",
            data: {
              problem: `query the database through a domain function in lib/ that returns plain objects, not db.${node.property.name ?? "…"} here`,
            },
          });
        }
      },
    };
  },
};

// ——— Folder cycles ————————————————————————————————————————————————————————————————————————————————————————

let cachedCycles = null;

function libFiles(folder) {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const full = `${folder}/${name}`;
    if (name.startsWith("generated")) return [];
    if (statSync(path.join(ROOT, full)).isDirectory()) return libFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** lib/a/b/c.ts → lib/a; lib/x.ts → lib (the folder a file belongs to, one level below lib/). */
const folderOf = (file) =>
  file
    .split("/")
    .slice(0, file.split("/").length > 2 ? 2 : 1)
    .join("/");

/** For each folder of lib/: the strongly connected component (of two or more folders) it belongs to. */
function folderCycles() {
  if (cachedCycles) return cachedCycles;
  const edges = new Map();
  for (const file of libFiles("lib")) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    for (const match of source.matchAll(/(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const to = target(match[1] ?? match[2], file);
      if (!to.file || !within(to.file, "lib")) continue;
      const [from, into] = [folderOf(file), folderOf(to.file)];
      if (from === into) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(into);
    }
  }
  // Tarjan's strongly connected components.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const component = new Map();
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1) for (const each of members) component.set(each, members.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  cachedCycles = component;
  return component;
}

const noFolderCycles = {
  meta: {
    type: "problem",
    docs: { description: "No import cycle between the folders of lib/" },
    schema: [],
    messages: { cycle: "{{from}} → {{to}} closes an import cycle between the folders {{members}}: move what both need to a lower folder" },
  },
  create(context) {
    const file = relative(context.filename);
    if (!within(file, "lib") || isTest(file) || /^lib\/db\/generated/.test(file)) return {};
    const check = (node) => {
      const specifier = importSources(node);
      const to = specifier === null ? null : target(specifier, file);
      if (!to?.file || !within(to.file, "lib")) return;
      const [from, into] = [folderOf(file), folderOf(to.file)];
      const members = folderCycles().get(from);
      if (from !== into && members?.includes(into))
        context.report({ node: node.source ?? node, messageId: "cycle", data: { from, to: into, members: members.join(", ") } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { meta: { name: "sandbox" }, rules: { "module-boundaries": moduleBoundaries, "no-folder-cycles": noFolderCycles } };
