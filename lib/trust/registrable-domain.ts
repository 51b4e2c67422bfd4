// The registrable domain (eTLD+1) of a host, from the Public Suffix List. Which part of the list counts is a
// tenant setting: `icann` (the vendor's reading: `my-project.github.io` → `github.io`) or `icann-and-private`
// (private suffixes such as github.io count too, so `my-project.github.io` stays whole).
import { getDomain } from "tldts";
import { isIP } from "node:net";

import { PUBLIC_SUFFIX_RULES, type PublicSuffixRule } from "../settings/tenant-settings";

export { PUBLIC_SUFFIX_RULES, type PublicSuffixRule };

/** A host name as the checks compare it: lower case, without IPv6 brackets or a trailing dot. */
export function bareHostname(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

export function registrableDomain(hostname: string, rule: PublicSuffixRule = "icann"): string {
  const host = bareHostname(hostname);
  if (isIP(host)) return host;
  return getDomain(host, { allowPrivateDomains: rule === "icann-and-private" }) ?? host;
}

/** The DNS record an app publishes at its registrable domain to claim it (the vendor's literal format). */
export function clientIdRecord(clientId: string): string {
  return `cerner-client-id=${clientId}`;
}
