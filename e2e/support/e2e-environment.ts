// Where the e2e server runs: its own port and its own throwaway SQLite file, never a developer's database.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
export const DEFAULT_TENANT_ID = "d1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84";
export const FHIR_BASE_URL = `${E2E_BASE_URL}/r4/${DEFAULT_TENANT_ID}`;
export const SANDBOX_PASSWORD_FOR_TESTS = "SandboxPass1";
