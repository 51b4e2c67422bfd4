// The house rules as lint rules (README "How the code is laid out"):
//   sandbox/module-boundaries  who may import what: the demo app is an outside client, components render, client
//                              components get no server code, lib/ is framework-free, only lib/ touches the Prisma
//                              client, and pages call domain functions rather than the database handle
//   sandbox/no-folder-cycles   no import cycle between the folders of lib/ (a folder may depend on another, or be
//                              depended on by it, never both, even through a third)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEMO_ROOTS = ["demo-app", "app/(demo)"];
const DEMO_PACKAGES = /^(next|next-auth|react|react-dom|jose|zod|server-only|fhir)(\/|$)/;
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

/** What a client component ("use client") may never import: server code, secrets, Node's own modules. */
const SERVER_ONLY = [
  "lib/db",
  "lib/secrets",
  "lib/keys",
  "lib/setup",
  "lib/config",
  "lib/console",
  "lib/http",
  "demo-app/auth",
  "demo-app/held-tokens",
];

/** Why `file` may not import `to`, or null. */
function boundaryProblem(file, to, specifier, clientComponent) {
  if (clientComponent && (to.pkg ? /^(node:|server-only$)/.test(to.pkg) : SERVER_ONLY.some((folder) => within(to.file, folder)))) {
    return `a client component ("use client") ships to the browser, so it may not import server code ("${specifier}"): pass it the data as props`;
  }
  if (DEMO_ROOTS.some((root) => within(file, root))) {
    if (to.pkg ? !DEMO_PACKAGES.test(to.pkg) : !DEMO_ROOTS.some((root) => within(to.file, root))) {
      return `the demo app is an outside SMART client and reaches the sandbox only over HTTP: "${specifier}" is not part of demo-app/ or app/(demo)/`;
    }
    return null;
  }
  const prisma = to.pkg ? DATABASE_PACKAGES.test(to.pkg) : /^lib\/db\/generated/.test(to.file);
  const tooling = within(file, "scripts") || within(file, "bench") || /^[^/]+\.config\.ts$/.test(file) || isTest(file);
  if (prisma && !within(file, "lib") && !tooling) {
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
    const clientComponent = context.sourceCode.ast.body.some(
      (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
    );
    const check = (node) => {
      const specifier = importSources(node);
      if (specifier === null) return;
      // A type-only import is erased: it ships nothing to the browser.
      const typeOnly = node.importKind === "type" || node.exportKind === "type";
      const problem = boundaryProblem(file, target(specifier, file), specifier, clientComponent && !typeOnly);
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

let cachedEdges = null;

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

/** Which lib/ folders import which, from the files on disk (read once per lint run). */
function folderEdges() {
  if (cachedEdges) return cachedEdges;
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
  cachedEdges = edges;
  return edges;
}

/** A chain of folder imports from `start` to `goal` (breadth first: the shortest), or null. */
function importPath(start, goal) {
  const edges = folderEdges();
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const folder = queue.shift();
    if (folder === goal) {
      const chain = [];
      for (let at = goal; at !== null; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const next of edges.get(folder) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, folder);
        queue.push(next);
      }
    }
  }
  return null;
}

const noFolderCycles = {
  meta: {
    type: "problem",
    docs: { description: "No import cycle between the folders of lib/" },
    schema: [],
    messages: {
      cycle: "{{from}} → {{to}} closes an import cycle between folders ({{cycle}}): move what both need to a lower folder",
    },
  },
  create(context) {
    const file = relative(context.filename);
    if (!within(file, "lib") || isTest(file) || /^lib\/db\/generated/.test(file)) return {};
    const check = (node) => {
      const specifier = importSources(node);
      const to = specifier === null ? null : target(specifier, file);
      if (!to?.file || !within(to.file, "lib")) return;
      const [from, into] = [folderOf(file), folderOf(to.file)];
      const back = from === into ? null : importPath(into, from);
      if (back)
        context.report({ node: node.source ?? node, messageId: "cycle", data: { from, to: into, cycle: [from, ...back].join(" → ") } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const plugin = { meta: { name: "sandbox" }, rules: { "module-boundaries": moduleBoundaries, "no-folder-cycles": noFolderCycles } };

export default plugin;
