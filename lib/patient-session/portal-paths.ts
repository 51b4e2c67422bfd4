// Paths of the patient portal's pages, and the one rule for where sign-in may send the browser next.

export const portalPaths = {
  login: (tenantId: string, next?: string) =>
    `/tenants/${tenantId}/personas/patient/login${next ? `?next=${encodeURIComponent(next)}` : ""}`,
  authorizeStep: (tenantId: string, requestId: string) => `/tenants/${tenantId}/personas/patient/authorize/${requestId}`,
  manager: (tenantId: string) => `/tenants/${tenantId}/personas/patient/my-authorizations`,
  review: (tenantId: string, grantId: string) => `/tenants/${tenantId}/personas/patient/my-authorizations/${grantId}`,
};

export function loginPath(tenantId: string, next: string): string {
  return portalPaths.login(tenantId, next);
}

/** Where to go after sign-in: only this tenant's patient pages or an error page of this server (no open redirect). */
export function safeNextPath(tenantId: string, next: string | null | undefined): string {
  const fallback = portalPaths.manager(tenantId);
  // Printable ASCII only: the path goes into a Location header (anything else would make the header invalid).
  if (!next || next.includes("\\") || next.startsWith("//") || /[^\x21-\x7e]/.test(next)) return fallback;
  if (next.startsWith(`/tenants/${tenantId}/personas/patient/`) || next.startsWith("/errors/")) return next;
  return fallback;
}

/** The authorize request a `next` path leads to, if any (the login page names the app that asks). */
export function requestIdInNext(tenantId: string, next: string): string | null {
  const match = new RegExp(
    `^/tenants/${tenantId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/personas/patient/authorize/([0-9a-f-]{36})(?:[/?]|$)`,
  ).exec(next);
  return match ? match[1] : null;
}
