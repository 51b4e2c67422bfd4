// The house rules as lint rules (README "How the code is laid out"):
//   sandbox/module-boundaries  who may import what: the demo app is an outside client, components render, client
//                              components get no server code, lib/ is framework-free, only lib/ touches the Prisma
//                              client, and pages call domain functions rather than the database handle
//   sandbox/no-folder-cycles   no import cycle between the folders of lib/ (a folder may depend on another, or be
//                              depended on by it, never both, even through a third)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import ts from "typescript";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEMO_ROOTS = ["demo-app", "app/(demo)"];
const DEMO_PACKAGES = /^(next|next-auth|react|react-dom|jose|zod|server-only|fhir)(\/|$)/;
const DATABASE_PACKAGES = /^(@prisma\/|(pg|better-sqlite3|kysely)(\/|$))/;

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

/** The only lib/ folders a client component ("use client") may import from: plain data and words, no server code. */
const BROWSER_SAFE = ["lib/patient-pages", "lib/wording", "lib/util"];
const SERVER_ONLY_DEMO = ["demo-app/auth", "demo-app/held-tokens", "demo-app/revoke-access", "demo-app/token-refresh"];

/** Why `file` may not import `to`, or null. */
function boundaryProblem(file, to, specifier, clientComponent) {
  const serverCode = to.pkg
    ? /^(node:|server-only$)/.test(to.pkg) || isBuiltin(to.pkg) || DATABASE_PACKAGES.test(to.pkg)
    : (within(to.file, "lib") && !BROWSER_SAFE.some((folder) => within(to.file, folder))) ||
      SERVER_ONLY_DEMO.some((module) => within(to.file, module));
  if (clientComponent && serverCode) {
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
      if (pageLike && node.type !== "ImportDeclaration" && target(specifier, file).file === "lib/db/client") {
        context.report({
          node: node.source ?? node,
          messageId: "database",
          data: {
            problem:
              "pages, handlers and components do not pass the database client module on or load it lazily: call a domain function in lib/",
          },
        });
        return;
      }
      // A type-only import is erased: it ships nothing to the browser.
      const typeOnly =
        node.importKind === "type" ||
        node.exportKind === "type" ||
        (node.specifiers?.length > 0 &&
          node.specifiers.every((specifier) => specifier.importKind === "type" || specifier.exportKind === "type"));
      const problem = boundaryProblem(file, target(specifier, file), specifier, clientComponent && !typeOnly);
      if (problem) context.report({ node: node.source ?? node, messageId: "boundary", data: { problem } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      // Pages, route handlers, server actions and components may hand the shared database handle to a domain
      // function, but never use it themselves: whatever the import is called, any use of it other than as a call's
      // argument (a query, a destructuring, an alias) is reported; so is the lean query layer, or a namespace import.
      "ImportDeclaration:exit"(node) {
        if (!pageLike || target(node.source.value, file).file !== "lib/db/client") return;
        for (const variable of context.sourceCode.getDeclaredVariables(node)) {
          const specifier = variable.defs[0]?.node;
          const imported = specifier?.type === "ImportSpecifier" ? (specifier.imported.name ?? specifier.imported.value) : null;
          if (specifier?.type === "ImportSpecifier" && specifier.importKind === "type") continue;
          if (imported !== "db") {
            if (imported === "Db" || imported === "DbOrTransaction" || imported === "Prisma") continue;
            context.report({
              node: specifier ?? node,
              messageId: "database",
              data: { problem: `only lib/ uses the database client module's "${imported ?? "*"}": call a domain function in lib/` },
            });
            continue;
          }
          for (const reference of variable.references) {
            const { parent } = reference.identifier;
            const passed = parent.type === "CallExpression" && parent.arguments.includes(reference.identifier);
            if (!passed) {
              context.report({
                node: reference.identifier,
                messageId: "database",
                data: {
                  problem:
                    "query the database through a domain function in lib/ that returns plain objects (pass it the db handle), not with the handle here",
                },
              });
            }
          }
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
    const directory = statSync(path.join(ROOT, full)).isDirectory();
    if (directory && name.startsWith("generated")) return [];
    if (directory) return libFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** lib/a/b/c.ts → lib/a; lib/a (a folder's index) → lib/a; lib/x.ts → lib (the folder one level below lib/). */
function folderOf(file) {
  const parts = file.split("/");
  if (parts.length > 2) return parts.slice(0, 2).join("/");
  const full = path.join(ROOT, file);
  return parts.length === 2 && existsSync(full) && statSync(full).isDirectory() ? file : parts[0];
}

/** Which lib/ folders import which, from the files on disk (read once per lint run). */
function folderEdges() {
  if (cachedEdges) return cachedEdges;
  const edges = new Map();
  for (const file of libFiles("lib")) {
    // TypeScript's own scanner: every import, export-from, side-effect and dynamic import, none in comments.
    for (const imported of ts.preProcessFile(readFileSync(path.join(ROOT, file), "utf8"), true, true).importedFiles) {
      const to = target(imported.fileName, file);
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
