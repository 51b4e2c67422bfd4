// Where the sandbox lives: port, public origin and database, from the environment with documented defaults.
import path from "node:path";

export type Environment = Record<string, string | undefined>;

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATABASE_URL = "file:./data/sandbox.db";

export function port(env: Environment = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigurationError(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return value;
}

/** The origin that issuers, FHIR base URLs, error_uris and the demo app's redirect URI are built from. */
export function publicUrl(env: Environment = process.env): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return `http://localhost:${port(env)}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`PUBLIC_URL must use http or https, got "${raw}"`);
  }
  return url.origin;
}

export function databaseUrl(env: Environment = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export type DatabaseKind = "sqlite" | "postgresql";

/** Which database a DATABASE_URL names: a `file:` URL is the embedded SQLite, `postgres(ql)://` a team PostgreSQL. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new ConfigurationError(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${redactUrl(url)}"`);
}

/** Absolute path of the SQLite file named by a `file:` URL (relative paths are relative to the working directory). */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new ConfigurationError(`DATABASE_URL must be a SQLite "file:" URL for the embedded database, got "${redactUrl(url)}"`);
  }
  const withoutScheme = url.slice("file:".length).split("?")[0];
  if (!withoutScheme) throw new ConfigurationError("DATABASE_URL names no file");
  return path.resolve(withoutScheme);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

/** A mistake in how the sandbox was configured: printed as one line, never as a stack trace. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}
