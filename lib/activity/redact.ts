// Redacts secrets from whatever is shown of the activity log, by VALUE: a string that looks like a token, code,
// client secret or credential is replaced wherever it sits, while ordinary values under names such as "code"
// (a trust change code like "certificate.expired") stay readable. Keys that can only hold a password are also hidden.
import { SANDBOX_PASSWORD } from "../personas/personas";

export const REDACTED = "[redacted]";
const JWT = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;
/**
 * Opaque tokens, codes and secrets this server issues: 32+ base64url characters mixing at least two of lower case,
 * upper case and digits (a random one almost never lacks two of them; a long-hyphenated-word never has two).
 */
const OPAQUE = /^(?:(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])|(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[A-Z]))[A-Za-z0-9_-]{32,}$/;
const CREDENTIAL = /^(Bearer|Basic)\s+\S+$/i;
/** Ids (UUIDs) and hashes (hex) are not secrets: snapshot hashes and grant ids stay readable. */
const HEX_OR_UUID = /^[0-9a-f-]+$/i;
const PASSWORD_KEY = /^(password|passwd|client_secret)$/i;
/**
 * Parameter names that only ever hold secrets, wherever they appear. `code` is not among them: it is also a FHIR search
 * parameter and a change code ("certificate.expired"); an OAuth code is caught by its shape, or by its place (a token
 * request's form, a redirect back to the app: http-exchange.ts).
 */
export const SECRET_NAMES: ReadonlySet<string> = new Set([
  "code_verifier",
  "refresh_token",
  "access_token",
  "id_token",
  "token",
  "client_secret",
  "client_assertion",
  "assertion",
  "password",
  "csrf",
  "registration_access_token",
]);
const EMBEDDED = new RegExp(`([?&#](?:${[...SECRET_NAMES].join("|")})=)[^&#\\s"]+`, "gi");

export function isSecretValue(value: string): boolean {
  return JWT.test(value) || (OPAQUE.test(value) && !HEX_OR_UUID.test(value)) || CREDENTIAL.test(value) || value === SANDBOX_PASSWORD;
}

/** A JWT inside a longer text (every JWT starts with a base64url `{"`). */
const JWT_INSIDE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** A run that could be an opaque token inside a longer text (a URL path, a query, a message); checked with isSecretValue. */
// The lookbehind starts a match only where a run starts: linear in the text (without it, ~4× slower on a FHIR Bundle).
const RUN_INSIDE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}/g;
/** Certificates are public and long: their base64 is left whole. */
const PEM_BLOCK = /(-----BEGIN [A-Z0-9 ]+-----[\s\S]*?-----END [A-Z0-9 ]+-----)/;

/** Hides what looks like a token wherever it sits inside a text: "/Patient/<token>", "?foo=<token>", "… <jwt> …". */
export function hideTokenLike(text: string): string {
  return text
    .split(PEM_BLOCK)
    .map((part) =>
      PEM_BLOCK.test(part) ? part : part.replace(JWT_INSIDE, REDACTED).replace(RUN_INSIDE, (run) => (isSecretValue(run) ? REDACTED : run)),
    )
    .join("");
}

function redactString(value: string): string {
  if (isSecretValue(value)) return REDACTED;
  return hideTokenLike(value.replace(EMBEDDED, `$1${REDACTED}`));
}

export function redact(value: unknown, key?: string): unknown {
  if (typeof value === "string") return key && PASSWORD_KEY.test(key) ? REDACTED : redactString(value);
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, redact(child, name)]));
  return value;
}
