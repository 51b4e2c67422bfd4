// Protection of the console and the control API: open when SANDBOX_ADMIN_PASSWORD is unset (local use, with
// a visible notice); otherwise the console needs a sign-in and the API an `Authorization: Bearer <password>`.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { ensureSecret } from "../secrets/sandbox-secrets";

export const ADMIN_COOKIE = "sts_console";

export function adminPassword(): string | null {
  return process.env.SANDBOX_ADMIN_PASSWORD?.length ? process.env.SANDBOX_ADMIN_PASSWORD : null;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The console cookie's value: bound to the password, so changing the password signs everyone out. */
export async function adminCookieValue(db: Db, password: string): Promise<string> {
  return createHmac("sha256", await ensureSecret(db, "session-signing"))
    .update(`console:${password}`)
    .digest("base64url");
}

export async function consoleCookieValid(db: Db, cookie: string | undefined): Promise<boolean> {
  const password = adminPassword();
  if (!password) return true;
  return !!cookie && sameText(cookie, await adminCookieValue(db, password));
}

export function passwordMatches(presented: string): boolean {
  const password = adminPassword();
  return !!password && sameText(presented, password);
}

/** For the control API: true when open, or when the Bearer credential is the admin password. */
export function apiRequestAllowed(request: Request): boolean {
  const password = adminPassword();
  if (!password) return true;
  const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
  return !!match && sameText(match[1], password);
}
