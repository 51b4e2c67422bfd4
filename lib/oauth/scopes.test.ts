import { describe, expect, it } from "vitest";
import { accessKindOf, describeResourceScope, isSubset, parseResourceScope, scopeProblems, splitScope } from "./scopes";

describe("SMART scopes", () => {
  it.each([
    ["patient/Observation.read", { resourceType: "Observation", version: 1, canRead: true, canSearch: true }],
    ["patient/Observation.rs", { resourceType: "Observation", version: 2, canRead: true, canSearch: true }],
    ["patient/Condition.r", { resourceType: "Condition", version: 2, canRead: true, canSearch: false }],
    ["patient/Condition.s", { resourceType: "Condition", version: 2, canRead: false, canSearch: true }],
  ])("parses %s", (scope, expected) => {
    expect(parseResourceScope(scope)).toMatchObject(expected);
  });

  it.each(["patient/Observation.sr", "user/Observation.read", "patient/observation.read", "patient/Observation", "patient/Observation.rx"])(
    "does not accept %s as a resource scope",
    (scope) => {
      expect(parseResourceScope(scope)).toBeNull();
    },
  );

  it("rejects wildcard resource scopes unless the setting allows them", () => {
    expect(scopeProblems(["patient/*.read"], { wildcardScopesAllowed: false })[0].reason).toMatch(/wildcard/);
    expect(scopeProblems(["patient/*.read"], { wildcardScopesAllowed: true })).toEqual([]);
  });

  it("rejects EHR launch, write scopes, unknown scopes and both access kinds at once", () => {
    const problems = scopeProblems(["launch", "patient/Observation.write", "system/x.read", "offline_access", "online_access"], {
      wildcardScopesAllowed: false,
    });
    expect(problems.map((p) => p.scope)).toEqual(["launch", "patient/Observation.write", "system/x.read", "online_access"]);
  });

  it("accepts the scopes the vendor documents", () => {
    expect(
      scopeProblems(splitScope("launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.rs"), {
        wildcardScopesAllowed: false,
      }),
    ).toEqual([]);
  });

  it("knows the access kind and subsets", () => {
    expect(accessKindOf(["offline_access"])).toBe("offline");
    expect(accessKindOf(["online_access"])).toBe("online");
    expect(accessKindOf(["openid"])).toBe("none");
    expect(isSubset(["a"], ["a", "b"])).toBe(true);
    expect(isSubset(["c"], ["a", "b"])).toBe(false);
  });

  it("describes resource scopes in plain language", () => {
    expect(describeResourceScope(parseResourceScope("patient/MedicationRequest.read")!)).toBe("Your medications");
    expect(describeResourceScope(parseResourceScope("patient/ServiceRequest.rs")!)).toBe("Your service request records");
  });
});
