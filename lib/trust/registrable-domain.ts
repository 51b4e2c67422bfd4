// The registrable domain (eTLD+1) of a host, from the Public Suffix List including its private section,
// so `my-app.github.io` stays whole and `a.b.example.co.uk` becomes `example.co.uk`.
import { getDomain } from "tldts";

export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** The DNS record an app publishes at its registrable domain to claim it (the vendor's literal format). */
export function clientIdRecord(clientId: string): string {
  return `cerner-client-id=${clientId}`;
}
