import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `server-only` guards Next.js bundles; under test it is an empty module.
  resolve: { alias: { "@": path.resolve("."), "server-only": path.resolve("test/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/per-file-database.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
