// The identity block as the patient pages render it: the verdict's identity, the name the app gave itself (shown
// only as "calls itself …" for an unverified app), and the reasons it is not verified, in plain words.
import type { Finding, IdentityBlock } from "../trust/types";
import { findingInPlainWords } from "../wording/patient-wording";

export interface IdentityView {
  identity: IdentityBlock;
  registeredName: string;
  reasons: string[];
  /** Fields that differ from the other side of a then/now comparison, to highlight. */
  changed: ("name" | "organization" | "location" | "domain" | "label")[];
}

export function identityView(identity: IdentityBlock, registeredName: string, findings: Finding[] = []): IdentityView {
  const reasons = [...new Set(findings.filter((finding) => finding.severity !== "info").map(findingInPlainWords))];
  return { identity, registeredName, reasons, changed: [] };
}

/** The fields of `now` that differ from `then`. */
export function changedFields(then: IdentityBlock, now: IdentityBlock): IdentityView["changed"] {
  const changed: IdentityView["changed"] = [];
  if (then.label !== now.label) changed.push("label");
  if (then.appName !== now.appName) changed.push("name");
  if (then.organization !== now.organization) changed.push("organization");
  if (then.location !== now.location) changed.push("location");
  if (then.domain !== now.domain) changed.push("domain");
  return changed;
}

/** An alarming change: whoever stands behind the app is not who the patient approved (or is no longer known). */
export function isAlarmingChange(then: IdentityBlock, now: IdentityBlock): boolean {
  if (then.label === "verified" && now.label !== "verified") return true;
  return then.domain !== now.domain || (then.organization !== null && now.organization !== null && then.organization !== now.organization);
}
