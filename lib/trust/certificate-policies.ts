// CA/Browser Forum certificate policy OIDs that tell a certificate's validation type.
import type { CertificateType } from "./types";

export const POLICY_OIDS = {
  DV: "2.23.140.1.2.1",
  OV: "2.23.140.1.2.2",
  EV: "2.23.140.1.1",
} as const;

export function certificateTypeFromPolicies(policies: readonly string[]): CertificateType {
  if (policies.includes(POLICY_OIDS.EV)) return "EV";
  if (policies.includes(POLICY_OIDS.OV)) return "OV";
  if (policies.includes(POLICY_OIDS.DV)) return "DV";
  return "unknown";
}

/** OV and EV are treated alike: both identify an organization. */
export function identifiesOrganization(type: CertificateType): boolean {
  return type === "OV" || type === "EV";
}
