// The SMART scope model for the patient persona, shared by the authorize checks, the consent screen,
// the token endpoint and the FHIR API. v1 `patient/<Type>.read` and v2 `patient/<Type>.rs` (or .r/.s).
import { ownEntry } from "../util/own-entry";

export const IDENTITY_SCOPES = ["openid", "fhirUser", "profile"] as const;
export const LAUNCH_SCOPES = ["launch/patient"] as const;
export const ACCESS_SCOPES = ["offline_access", "online_access"] as const;
const MAX_SCOPES = 50;

const RESOURCE_SCOPE = /^patient\/(\*|[A-Z][A-Za-z]{1,63})\.(read|write|\*|[cruds]{1,5})$/;

export interface ResourceScope {
  scope: string;
  resourceType: string;
  /** v1 `read`, or the v2 letters. */
  permission: string;
  version: 1 | 2;
  canRead: boolean;
  canSearch: boolean;
}

export function parseResourceScope(scope: string): ResourceScope | null {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return null;
  const [, resourceType, permission] = match;
  const version = permission === "read" || permission === "write" || permission === "*" ? 1 : 2;
  if (version === 2 && !/^c?r?u?d?s?$/.test(permission)) return null;
  const reads = version === 1 ? permission === "read" || permission === "*" : permission.includes("r");
  const searches = version === 1 ? reads : permission.includes("s");
  return { scope, resourceType, permission, version, canRead: reads, canSearch: searches };
}

export function splitScope(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? "").split(/\s+/).filter(Boolean))];
}

export type ScopeProblem = { scope: string; reason: string };

/** Problems with a requested scope string under the tenant's settings; empty when acceptable. */
export function scopeProblems(scopes: string[], options: { wildcardScopesAllowed: boolean }): ScopeProblem[] {
  if (scopes.length > MAX_SCOPES) return [{ scope: `${scopes.length} scopes`, reason: `at most ${MAX_SCOPES} scopes may be requested` }];
  const problems: ScopeProblem[] = [];
  for (const scope of scopes) {
    if (
      (IDENTITY_SCOPES as readonly string[]).includes(scope) ||
      (LAUNCH_SCOPES as readonly string[]).includes(scope) ||
      (ACCESS_SCOPES as readonly string[]).includes(scope)
    )
      continue;
    if (scope === "launch") {
      problems.push({ scope, reason: "EHR launch is not supported by this sandbox; use standalone launch (launch/patient)" });
      continue;
    }
    const resource = parseResourceScope(scope);
    if (!resource) problems.push({ scope, reason: "not a scope this server offers to patients" });
    else if (resource.resourceType === "*" && !options.wildcardScopesAllowed)
      problems.push({ scope, reason: "wildcard resource scopes are not accepted; request each resource type" });
    else if (!resource.canRead && !resource.canSearch) problems.push({ scope, reason: "patients can only grant read access" });
  }
  if (scopes.includes("offline_access") && scopes.includes("online_access"))
    problems.push({ scope: "online_access", reason: "request offline_access or online_access, not both" });
  return problems;
}

/**
 * The requested scopes an app's registration does not cover. A resource scope is covered by a registered one for
 * the same type (or `*`) that allows at least the same interactions, whatever the SMART version of either.
 */
export function scopesOutsideRegistration(requested: string[], registered: string[]): string[] {
  const registeredResources = registered.map(parseResourceScope).filter((scope) => scope !== null);
  return requested.filter((scope) => {
    if (registered.includes(scope)) return false;
    const wanted = parseResourceScope(scope);
    if (!wanted) return true;
    return !registeredResources.some(
      (held) =>
        (held.resourceType === wanted.resourceType || held.resourceType === "*") &&
        (held.canRead || !wanted.canRead) &&
        (held.canSearch || !wanted.canSearch),
    );
  });
}

/** What an app may request when it registers without a scope: everything this server offers to patients. */
export function defaultRegisteredScope(resourceTypes: readonly string[]): string {
  return [...LAUNCH_SCOPES, "openid", "fhirUser", ...ACCESS_SCOPES, ...resourceTypes.map((type) => `patient/${type}.read`)].join(" ");
}

export type AccessKind = "offline" | "online" | "none";

export function accessKindOf(scopes: string[]): AccessKind {
  if (scopes.includes("offline_access")) return "offline";
  if (scopes.includes("online_access")) return "online";
  return "none";
}

const PLAIN_LANGUAGE: Record<string, string> = {
  Patient: "Your name, birth date and contact details",
  Observation: "Your lab results and vital signs",
  Condition: "Your health problems and diagnoses",
  AllergyIntolerance: "Your allergies",
  MedicationRequest: "Your medications",
  MedicationStatement: "Your medications",
  Immunization: "Your immunizations",
  Encounter: "Your visits",
  Practitioner: "Your care team",
  Organization: "Your care providers",
  Procedure: "Your procedures",
  DiagnosticReport: "Your test reports",
  DocumentReference: "Your clinical documents",
  CarePlan: "Your care plans",
};

/** A sentence for the consent screen, e.g. "Your medications", or "Leo Rivera's medications" for a proxy. */
export function describeResourceScope(resource: ResourceScope, whose = "Your"): string {
  if (resource.resourceType === "*") return `Everything in ${whose === "Your" ? "your" : whose} health record`;
  const sentence =
    ownEntry(PLAIN_LANGUAGE, resource.resourceType) ??
    `Your ${resource.resourceType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} records`;
  return sentence.replace(/^Your /, `${whose} `);
}

/** True when every scope in `requested` was granted (refresh may narrow, never widen). */
export function isSubset(requested: string[], granted: string[]): boolean {
  return requested.every((scope) => granted.includes(scope));
}

/** The scopes the patient may untick on the consent screen: resource scopes only. */
export function isOptionalScope(scope: string): boolean {
  return parseResourceScope(scope) !== null;
}
