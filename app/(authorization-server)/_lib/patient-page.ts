// Glue between the patient pages (Pages Router, server-rendered, no client JavaScript) and lib/: the signed-in
// session from the cookie, the posted form after the cross-site check, and 303 redirects.
import type { GetServerSidePropsContext, Redirect } from "next";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { FormTooLarge, isCrossSitePost, readForm } from "@/lib/http/form-request";
import { sessionSetCookieHeader } from "@/lib/http/session-cookie";
import { loginPath } from "@/lib/patient-session/portal-paths";
import { SESSION_COOKIE, sessionFromCookie, type PatientSession } from "@/lib/patient-session/sessions";

export type PageContext = GetServerSidePropsContext;

export function param(context: PageContext, name: string): string {
  const value = context.params?.[name];
  return typeof value === "string" ? value : "";
}

export function query(context: PageContext, name: string): string | undefined {
  const value = context.query[name];
  return typeof value === "string" ? value : undefined;
}

export function pageSession(context: PageContext, tenantId: string): Promise<PatientSession | null> {
  return sessionFromCookie(db, tenantId, context.req.cookies[SESSION_COOKIE]);
}

export function setSessionCookie(context: PageContext, cookieValue: string): void {
  context.res.setHeader("Set-Cookie", sessionSetCookieHeader(cookieValue));
}

/** PRG: every successful form post answers 303 to a page the browser loads with GET. */
export function seeOther(destination: string): { redirect: Redirect } {
  return { redirect: { destination, statusCode: 303 } };
}

/** To the sign-in page, then back `here`: 303 after a form post (the browser must GET it), 302 otherwise. */
export function signInFirst(context: PageContext, tenantId: string, here: string): { redirect: Redirect } {
  return { redirect: { destination: loginPath(tenantId, here), statusCode: context.req.method === "POST" ? 303 : 302 } };
}

export type Posted = { kind: "none" } | { kind: "refused"; status: 403 | 413 | 415 } | { kind: "form"; form: URLSearchParams };

/** The form of a POST from this sandbox's own pages; a cross-site, oversized or non-form post is refused. */
export async function postedForm(context: PageContext): Promise<Posted> {
  if (context.req.method !== "POST") return { kind: "none" };
  if (isCrossSitePost(context.req.headers, new URL(publicUrl()).origin)) return { kind: "refused", status: 403 };
  try {
    const form = await readForm(context.req);
    return form ? { kind: "form", form } : { kind: "refused", status: 415 };
  } catch (error) {
    if (error instanceof FormTooLarge) return { kind: "refused", status: 413 };
    throw error;
  }
}
