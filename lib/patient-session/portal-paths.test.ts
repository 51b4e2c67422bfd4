import { describe, expect, it } from "vitest";
import { requestIdInNext, safeNextPath } from "./portal-paths";

const T = "tenant-1";
const manager = `/tenants/${T}/personas/patient/my-authorizations`;

describe("where sign-in may send the browser next", () => {
  it.each([
    [`/tenants/${T}/personas/patient/authorize/123`, `/tenants/${T}/personas/patient/authorize/123`],
    ["/errors/urn%3Ax/instances/1", "/errors/urn%3Ax/instances/1"],
    ["https://evil.example/", manager],
    ["//evil.example/", manager],
    ["/\\evil.example", manager],
    [`/tenants/other/personas/patient/my-authorizations`, manager],
    [`/tenants/${T}/personas/patient/✓`, manager],
    [`/tenants/${T}/personas/patient/a\u007f`, manager],
    [`/tenants/${T}/personas/patient/a b`, manager],
    [null, manager],
  ])("%s → %s", (next, expected) => {
    expect(safeNextPath(T, next)).toBe(expected);
  });

  it("finds the authorize request a next path leads to (the login page names the app that asks)", () => {
    const id = "0b0c1d2e-3f40-4152-8364-758697a8b9ca";
    expect(requestIdInNext(T, `/tenants/${T}/personas/patient/authorize/${id}`)).toBe(id);
    expect(requestIdInNext(T, `/tenants/other/personas/patient/authorize/${id}`)).toBeNull();
  });
});
