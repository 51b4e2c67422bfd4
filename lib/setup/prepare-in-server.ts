// The runnable package's server prepares its own database before it serves anything (instrumentation.ts awaits
// this): migrate and seed, then the framework environment (AUTH_SECRET) from the database. A failure is one line
// and exit 1, like `npm start`.
import { ConfigurationError, databaseUrl, publicUrl } from "../config/environment";
import { probeSettings } from "../config/probe-settings";

export async function prepareInServer(): Promise<void> {
  try {
    probeSettings();
    const { prepareDatabase } = await import("./prepare-database");
    await prepareDatabase({ databaseUrl: databaseUrl(), publicUrl: publicUrl() });
    const { db } = await import("../db/client");
    const { frameworkEnvironment } = await import("../secrets/sandbox-secrets");
    Object.assign(process.env, await frameworkEnvironment(db));
  } catch (error) {
    const message = error instanceof ConfigurationError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    console.error(`smart-trust-sandbox: ${message}`);
    process.exit(1);
  }
}
