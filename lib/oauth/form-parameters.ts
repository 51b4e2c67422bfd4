// Reads OAuth parameters from a query string or an application/x-www-form-urlencoded body: only the
// endpoint's allowlisted parameters are kept (others are ignored, RFC 6749 §3.1), and a duplicated one is an error.
import { containsNul } from "../util/nul-characters";
import { InvalidRequest } from "./errors";

const MAX_BODY_BYTES = 64 * 1024;
const MAX_VALUE_LENGTH = 4096;

export type Parameters = Partial<Record<string, string>>;

export function pickParameters(search: URLSearchParams, allowed: readonly string[]): Parameters {
  const result: Parameters = {};
  for (const name of allowed) {
    const values = search.getAll(name);
    if (values.length > 1) throw new InvalidRequest(`${name} is included more than once`);
    if (values.length === 0 || values[0] === "") continue;
    if (values[0].length > MAX_VALUE_LENGTH) throw new InvalidRequest(`${name} is longer than ${MAX_VALUE_LENGTH} characters`);
    if (containsNul(values[0])) throw new InvalidRequest(`${name} contains a NUL character`);
    result[name] = values[0];
  }
  return result;
}

/** Parses a form body; anything but application/x-www-form-urlencoded is refused. */
export async function readFormBody(request: Request): Promise<URLSearchParams> {
  return formBodyOf(request.headers.get("content-type"), await request.text());
}

/** A form body already read as text (the same checks as readFormBody). */
export function formBodyOf(contentType: string | null, text: string): URLSearchParams {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new InvalidRequest("the request body must be application/x-www-form-urlencoded", `content-type was "${type || "missing"}"`);
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new InvalidRequest("the request body is too large");
  return new URLSearchParams(text);
}
