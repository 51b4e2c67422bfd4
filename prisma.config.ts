// Prisma CLI configuration: the JavaScript schema engine with the better-sqlite3 driver adapter,
// so `migrate deploy` and `migrate diff` run offline with nothing downloaded beyond npm packages.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The JS engine needs no native engines; point Prisma's engine lookups at an existing file so it never downloads one.
const placeholder = path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
process.env.DATABASE_URL ??= "file:./data/sandbox.db";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
