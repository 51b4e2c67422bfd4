// Which host the trust checks look at — as the vendor does, the host of the app's primary redirect URI, since
// that is where authorization codes go. A registered public hostname may only stand in for a redirect URI that
// has no public host of its own: loopback (`http://127.0.0.1`, `http://localhost`, `http://[::1]`), a private-use
// scheme (`com.example.app:/cb`), or the sandbox's own address (the bundled demo app) — and only when every registered
// redirect URI is such a one (an authorize request may use any of them). Anywhere else it is ignored.
import { isIP } from "node:net";
import { publicUrl } from "../config/environment";
import { bareHostname } from "./registrable-domain";

export class NoTrustHostnameError extends Error {
  override name = "NoTrustHostnameError";
}

export interface TrustHostChoice {
  /** The host whose certificate and DNS records are checked. */
  hostname: string;
  /** Where it came from. */
  source: "redirect-uri" | "public-hostname";
  /** A registered public hostname that was not allowed to stand in for the redirect URI's host. */
  ignoredPublicHostname: string | null;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);

function parsed(uri: unknown): URL | null {
  try {
    return typeof uri === "string" ? new URL(uri) : null;
  } catch {
    return null;
  }
}

/** The sandbox's own origin: an app whose codes come back here is the sandbox's own (the demo app). */
function isSandboxOrigin(url: URL, sandboxOrigin: string): boolean {
  return url.origin === sandboxOrigin;
}

/** A redirect URI with no public host of its own: loopback http, a private-use scheme, or the sandbox itself. */
function hasNoPublicHost(uri: URL | null, sandboxOrigin: string): boolean {
  if (!uri) return false;
  if (uri.protocol !== "https:" && uri.protocol !== "http:") return true;
  return LOOPBACK.has(bareHostname(uri.hostname)) || isSandboxOrigin(uri, sandboxOrigin);
}

export function trustHostChoice(
  client: { publicHostname: string | null; redirectUris: unknown },
  sandboxOrigin = new URL(publicUrl()).origin,
): TrustHostChoice {
  const uris = (Array.isArray(client.redirectUris) ? client.redirectUris : []).map(parsed);
  const primary = uris[0] ?? null;
  const publicHostname = client.publicHostname ? bareHostname(client.publicHostname) : null;
  const web = primary && (primary.protocol === "https:" || primary.protocol === "http:");
  const host = web && primary.hostname ? bareHostname(primary.hostname) : "";
  // Only when codes can go nowhere public: every registered redirect URI (any of them may be used) lacks a public host.
  const standIn = uris.length > 0 && uris.every((uri) => hasNoPublicHost(uri, sandboxOrigin));
  if (publicHostname && standIn) return { hostname: publicHostname, source: "public-hostname", ignoredPublicHostname: null };
  if (!host) throw new NoTrustHostnameError("the primary redirect URI has no host name; give the app a public hostname");
  return { hostname: host, source: "redirect-uri", ignoredPublicHostname: publicHostname };
}

export function trustHostname(client: { publicHostname: string | null; redirectUris: unknown }): string {
  return trustHostChoice(client).hostname;
}

/**
 * Why a host cannot be assessed at all, or null: an IP address or a loopback name has no organization behind it
 * and no registrable domain to publish a record at.
 */
export function unassessableHost(hostname: string): "ip-address" | "loopback" | null {
  const host = bareHostname(hostname);
  if (isIP(host)) return "ip-address";
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  return null;
}

/** For the console: which host the trust checks look at, and why (including a public hostname that is ignored). */
export function trustHostSentence(client: { publicHostname: string | null; redirectUris: unknown }, checkedHost: string): string {
  let choice: TrustHostChoice;
  try {
    choice = trustHostChoice(client);
  } catch {
    return `Trust checks look at ${checkedHost}.`;
  }
  if (choice.source === "public-hostname")
    return `Trust checks look at ${checkedHost}: the public hostname stands in for the primary redirect URI, which has no public host of its own.`;
  if (choice.ignoredPublicHostname) {
    return `Trust checks look at ${checkedHost}, the primary redirect URI's host, where authorization codes go. The public hostname ${choice.ignoredPublicHostname} is ignored: it may only stand in for a loopback or private-use-scheme redirect URI.`;
  }
  return `Trust checks look at ${checkedHost}, the primary redirect URI's host.`;
}
