// Snapshots: the canonical, comparable record of an app's trust that a grant keeps, and the comparison
// that decides — under the tenant's policy — whether the app changed since the patient said yes.
import { createHash } from "node:crypto";
import { locationText, longDate, tlsVersionList } from "./plain-words";
import type { SuspensionPolicy, TrustChange, TrustFacts, TrustSnapshot, TrustSource, Verdict } from "./types";

/**
 * `source`: where the facts came from. A live snapshot says so; a simulated one leaves it out, so snapshots taken
 * before live checks existed keep their hashes.
 */
export function takeSnapshot(facts: TrustFacts, verdict: Verdict, source: TrustSource = "simulated"): TrustSnapshot {
  const certificate = facts.certificate;
  const leaf = certificate?.chain[0];
  return {
    version: 1,
    ...(source === "live" ? { source } : {}),
    hostname: facts.hostname,
    reachable: facts.reachable,
    tlsVersions: facts.tls.versions,
    modernTls: facts.tls.modernVersionOffered,
    certificate:
      certificate && leaf
        ? {
            fingerprintSha256: leaf.fingerprintSha256,
            serialNumber: leaf.serialNumber,
            notAfter: leaf.notAfter,
            issuer: leaf.issuer,
            type: leaf.type,
            organization: leaf.subject.organization,
            location: locationText(leaf.subject.country, leaf.subject.state, leaf.subject.locality),
            validity: certificate.validity,
            chainTrusted: certificate.chainTrusted,
            selfSigned: leaf.selfSigned,
            revoked: certificate.revoked,
            hostnameMatches: certificate.hostnameMatches,
          }
        : null,
    dns: {
      registrableDomain: facts.dns.registrableDomain,
      txtRecords: facts.dns.txtRecords,
      clientIdRecordPresent: facts.dns.clientIdRecordPresent,
    },
    identity: {
      label: verdict.label,
      organization: verdict.identity.organization,
      location: verdict.identity.location,
      domain: verdict.identity.domain,
    },
  };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function snapshotHash(snapshot: TrustSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

function snapshotAcceptable(snapshot: TrustSnapshot): boolean {
  const c = snapshot.certificate;
  return snapshot.reachable && snapshot.modernTls && !!c && c.validity === "valid" && c.chainTrusted && !c.revoked && c.hostnameMatches;
}

const quote = (text: string | null) => (text ? `“${text}”` : "none");
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

function certificateChanges(before: TrustSnapshot, after: TrustSnapshot): TrustChange[] {
  const b = before.certificate;
  const a = after.certificate;
  if (!b || !a) return [];
  const changes: TrustChange[] = [];
  if (b.validity !== a.validity) {
    const sentence =
      a.validity === "expired"
        ? `The app's certificate expired on ${longDate(a.notAfter)}.`
        : a.validity === "not-yet-valid"
          ? "The app's certificate is not valid yet."
          : `The app's certificate is valid again, until ${longDate(a.notAfter)}.`;
    changes.push({ code: `certificate.${a.validity}`, kind: "acceptability", sentence });
  }
  if (b.chainTrusted !== a.chainTrusted) {
    const sentence = a.chainTrusted
      ? "The app's certificate is now issued by a trusted certificate authority."
      : a.selfSigned
        ? "The app's certificate is now self-signed, so no trusted certificate authority vouches for it."
        : `The app's certificate is now issued by "${a.issuer}", which is not a trusted certificate authority.`;
    changes.push({
      code: a.chainTrusted ? "certificate.trusted" : a.selfSigned ? "certificate.self-signed" : "certificate.untrusted-issuer",
      kind: "acceptability",
      sentence,
    });
  }
  if (b.revoked !== a.revoked) {
    changes.push({
      code: a.revoked ? "certificate.revoked" : "certificate.unrevoked",
      kind: "acceptability",
      sentence: a.revoked ? "The app's certificate was revoked by its issuer." : "The app's certificate is no longer revoked.",
    });
  }
  if (b.hostnameMatches !== a.hostnameMatches) {
    changes.push({
      code: a.hostnameMatches ? "certificate.hostname-matches" : "certificate.hostname-mismatch",
      kind: "acceptability",
      sentence: a.hostnameMatches
        ? `The app's certificate matches its host name ${after.hostname} again.`
        : `The app's certificate no longer matches its host name ${after.hostname}.`,
    });
  }
  const organizationTypes = (t: string) => (t === "OV" || t === "EV" ? "organization" : t);
  if (organizationTypes(b.type) !== organizationTypes(a.type)) {
    const sentence =
      a.type === "DV"
        ? "The app's certificate no longer identifies an organization: it is now domain-validated (DV) only."
        : `The app's certificate type changed from ${b.type} to ${a.type}.`;
    changes.push({ code: "certificate.type-changed", kind: "identity", sentence });
  } else if (b.type !== a.type) {
    changes.push({
      code: "certificate.type-changed",
      kind: "fact",
      sentence: `The app's certificate type changed from ${b.type} to ${a.type}.`,
    });
  }
  if (b.organization !== a.organization && b.organization && a.organization) {
    changes.push({
      code: "certificate.organization-changed",
      kind: "identity",
      sentence: `The organization named in the app's certificate changed from ${quote(b.organization)} to ${quote(a.organization)}.`,
    });
  }
  if (b.location !== a.location && b.location && a.location) {
    changes.push({
      code: "certificate.location-changed",
      kind: "identity",
      sentence: `The organization's location in the app's certificate changed from ${b.location} to ${a.location}.`,
    });
  }
  if (b.fingerprintSha256 !== a.fingerprintSha256) {
    changes.push({
      code: "certificate.replaced",
      kind: "fact",
      sentence: `The app's certificate was replaced by a new one (fingerprint ${a.fingerprintSha256.slice(0, 23)}…, valid until ${longDate(a.notAfter)}).`,
    });
  }
  return changes;
}

function connectionChanges(before: TrustSnapshot, after: TrustSnapshot): TrustChange[] {
  if (before.reachable !== after.reachable) {
    return [
      after.reachable
        ? { code: "host.reachable", kind: "acceptability", sentence: `The app's server at ${after.hostname} can be reached again.` }
        : { code: "host.unreachable", kind: "acceptability", sentence: `The app's server at ${after.hostname} could not be reached.` },
    ];
  }
  if (sameList(before.tlsVersions, after.tlsVersions)) return [];
  if (before.modernTls !== after.modernTls) {
    return [
      after.modernTls
        ? {
            code: "tls.modern-restored",
            kind: "acceptability",
            sentence: `The app's server offers a current TLS version again (${tlsVersionList(after.tlsVersions)}).`,
          }
        : {
            code: "tls.legacy-only",
            kind: "acceptability",
            sentence: `The app's server now offers only outdated TLS versions (${tlsVersionList(after.tlsVersions)}).`,
          },
    ];
  }
  return [
    {
      code: "tls.versions-changed",
      kind: "fact",
      sentence: `The TLS versions the app's server offers changed from ${tlsVersionList(before.tlsVersions)} to ${tlsVersionList(after.tlsVersions)}.`,
    },
  ];
}

function dnsChanges(before: TrustSnapshot, after: TrustSnapshot, clientIdRecord: string): TrustChange[] {
  const changes: TrustChange[] = [];
  const domain = after.dns.registrableDomain;
  if (before.dns.registrableDomain !== domain) {
    changes.push({
      code: "dns.domain-changed",
      kind: "identity",
      sentence: `The app's website domain changed from ${before.dns.registrableDomain} to ${domain}.`,
    });
  }
  if (before.dns.clientIdRecordPresent !== after.dns.clientIdRecordPresent) {
    changes.push(
      after.dns.clientIdRecordPresent
        ? {
            code: "dns.client-id-record-added",
            kind: "identity",
            sentence: `The DNS record ${clientIdRecord} is now present at ${domain}.`,
          }
        : {
            code: "dns.client-id-record-removed",
            kind: "identity",
            sentence: `The DNS record ${clientIdRecord} is no longer present at ${domain}.`,
          },
    );
  }
  const others = (records: string[]) => records.filter((record) => record !== clientIdRecord);
  if (!sameList(others(before.dns.txtRecords), others(after.dns.txtRecords))) {
    changes.push({
      code: "dns.txt-records-changed",
      kind: "fact",
      sentence: `Other DNS TXT records at ${domain} changed (now: ${others(after.dns.txtRecords).join(", ") || "none"}).`,
    });
  }
  return changes;
}

function sourceChanges(before: TrustSnapshot, after: TrustSnapshot): TrustChange[] {
  const [was, now] = [before.source ?? "simulated", after.source ?? "simulated"];
  if (was === now) return [];
  return [
    now === "live"
      ? {
          code: "trust.source-live",
          kind: "fact",
          sentence: `The sandbox now checks the app's real server at ${after.hostname} instead of its simulated one.`,
        }
      : {
          code: "trust.source-simulated",
          kind: "fact",
          sentence: `The sandbox now checks the app's simulated server at ${after.hostname} instead of its real one.`,
        },
  ];
}

function identityChanges(before: TrustSnapshot, after: TrustSnapshot): TrustChange[] {
  if (before.identity.label === after.identity.label) return [];
  return [
    after.identity.label === "unknown"
      ? {
          code: "identity.unverified",
          kind: "identity",
          sentence: "Patients are no longer shown the app's name and organization: it is now labelled “Unknown App”.",
        }
      : { code: "identity.verified", kind: "identity", sentence: "Patients are now shown the app's name and organization." },
  ];
}

/**
 * What changed between two snapshots, in sentences a patient can read.
 * `strict`: every TLS or DNS fact, including a renewed certificate's fingerprint.
 * `identity`: only when what the patient is shown changes or the certificate becomes unacceptable;
 * the returned list then names the identity and acceptability changes that explain it.
 */
export function compareSnapshots(before: TrustSnapshot, after: TrustSnapshot, policy: SuspensionPolicy, clientId: string): TrustChange[] {
  const record = `cerner-client-id=${clientId}`;
  const all = [
    ...sourceChanges(before, after),
    ...identityChanges(before, after),
    ...connectionChanges(before, after),
    ...certificateChanges(before, after),
    ...dnsChanges(before, after, record),
  ];
  if (policy === "strict") return all;
  const identityMoved =
    before.identity.label !== after.identity.label ||
    before.identity.organization !== after.identity.organization ||
    before.identity.location !== after.identity.location ||
    before.identity.domain !== after.identity.domain;
  const becameUnacceptable = snapshotAcceptable(before) && !snapshotAcceptable(after);
  return identityMoved || becameUnacceptable ? all.filter((change) => change.kind !== "fact") : [];
}
