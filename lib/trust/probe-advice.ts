// What to fix, in plain words, for each finding of a live check of the developer's own app.

const ADVICE: Record<string, (context: { domain: string; record: string; hostname: string }) => string> = {
  "host.not-assessable": ({ hostname }) =>
    `Use a redirect URI on a domain name you own instead of ${hostname}: an IP address or a loopback name has no organization or domain to show.`,
  "host.unreachable": ({ hostname }) => `Make ${hostname} answer TLS on the redirect URI's port from the internet.`,
  "host.dns-failed": ({ hostname }) => `Publish an A or AAAA record for ${hostname}.`,
  "host.private-address": ({ hostname }) =>
    `${hostname} must resolve to a public address that the vendor can reach. (Checking a server in your own lab? Start the sandbox with SANDBOX_PROBE_ALLOW_PRIVATE=1.)`,
  "tls.legacy-only": () => "Enable TLS 1.2 and TLS 1.3 on your server.",
  "tls.legacy-also-offered": () => "Turn off TLS 1.0 and 1.1 on your server; they are outdated.",
  "certificate.missing": () => "Install a certificate from a public certificate authority on your server.",
  "certificate.expired": () => "Renew your certificate. Remember that a renewal changes the facts a patient approved: plan for it.",
  "certificate.not-yet-valid": () => "Check your server's certificate dates (and your server's clock).",
  "certificate.self-signed": () => "Replace the self-signed certificate with one from a public certificate authority.",
  "certificate.untrusted-issuer": () => "Use a certificate from a public certificate authority (and serve its intermediate certificates).",
  "certificate.revoked": () => "Your certificate was revoked: get a new one from your certificate authority.",
  "certificate.hostname-mismatch": ({ hostname }) => `Get a certificate whose names include ${hostname}.`,
  "certificate.domain-validated": () =>
    "Your certificate is Domain Validated: patients will see “Unknown App”. An OV or EV certificate lets them see your organization.",
  "certificate.type-unknown": () =>
    "Your certificate names no validation type: use an OV or EV certificate so patients see your organization.",
  "certificate.ocsp-revoked": () => "Your certificate authority says this certificate is revoked: get a new one and install it.",
  "certificate.ocsp-staple-invalid": () =>
    "Your server staples an OCSP response that cannot be accepted: refresh it (or turn stapling off rather than stapling a stale answer).",
  "certificate.ocsp-unknown": () =>
    "Your certificate authority's OCSP responder does not know this certificate: check that the server staples the response for the certificate it presents.",
  "dns.client-id-record-missing": ({ domain, record }) => `Add a TXT record \`${record}\` at ${domain}.`,
  "dns.lookup-failed": ({ domain }) => `Make sure ${domain}'s DNS servers answer TXT queries.`,
};

export function adviceFor(code: string, context: { domain: string; record: string; hostname: string }): string | null {
  return ADVICE[code]?.(context) ?? null;
}
