// Which host the trust checks look at: the app's public hostname when its registration gives one (so an app
// that runs on localhost can rehearse as its production domain), else the host of its primary redirect URI.

export class NoTrustHostnameError extends Error {
  override name = "NoTrustHostnameError";
}

export function trustHostname(client: { publicHostname: string | null; redirectUris: unknown }): string {
  if (client.publicHostname) return client.publicHostname.toLowerCase();
  const primary = Array.isArray(client.redirectUris) ? client.redirectUris[0] : undefined;
  let host = "";
  try {
    host = typeof primary === "string" ? new URL(primary).hostname : "";
  } catch {
    host = "";
  }
  if (!host) throw new NoTrustHostnameError("the primary redirect URI has no host name; give the app a public hostname");
  return host.toLowerCase().replace(/^\[|\]$/g, "");
}
