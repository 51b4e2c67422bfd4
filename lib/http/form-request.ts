// Plain HTML form posts to the patient pages (which ship no JavaScript): the body as URLSearchParams, with a size
// cap, and the cross-site check every state-changing form post passes before anything else happens.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

const MAX_FORM_BYTES = 64 * 1024;

export class FormTooLarge extends Error {
  override name = "FormTooLarge";
}

/** The url-encoded body of a form post; null when it is not one. */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers["content-type"] ?? "")) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new FormTooLarge("the form is larger than 64 kB");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** A form post from another site (a hostile page posting to the portal) is refused before it is read. */
export function isCrossSitePost(headers: IncomingHttpHeaders, ownOrigin: string): boolean {
  const origin = headers.origin;
  if (origin && origin !== ownOrigin) return true;
  return headers["sec-fetch-site"] === "cross-site";
}
