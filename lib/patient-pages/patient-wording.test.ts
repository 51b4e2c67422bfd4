// What the patient reads about an app and a grant: named by domain when unverified, alarming changes recognised,
// ended grants in the past tense, and Allow refused when nothing optional is shared.
import { describe, expect, it } from "vitest";
import type { IdentityBlock } from "../trust/types";
import { AppName, appName, changeInPlainWords, endedSentence, findingInPlainWords, statusLine } from "../wording/patient-wording";
import { sharesNothing } from "./consent-step";
import { changedFields, isAlarmingChange } from "./identity-view";

const verified: IdentityBlock = {
  label: "verified",
  appName: "MyHealth Demo",
  organization: "MyHealth Demo Inc.",
  location: "US, MO, Kansas City",
  domain: "myhealth-demo.com",
  validated: false,
};
const unknown: IdentityBlock = {
  label: "unknown",
  appName: null,
  organization: null,
  location: null,
  domain: "acme-vitals.example",
  validated: false,
};

describe("patient wording", () => {
  it("names an unverified app by its domain, never by the name it chose", () => {
    expect(appName(unknown, "Totally Trustworthy Health")).toBe("an unverified app at acme-vitals.example");
    expect(AppName(unknown, "Totally Trustworthy Health")).toBe("An unverified app at acme-vitals.example");
    expect(AppName(verified, "ignored")).toBe("MyHealth Demo");
  });

  it("treats a new organization, a new domain or losing verification as alarming, a renewed certificate not", () => {
    expect(isAlarmingChange(verified, { ...verified, organization: "Northwind Data Brokers LLC" })).toBe(true);
    expect(isAlarmingChange(verified, { ...verified, domain: "northwind.example" })).toBe(true);
    expect(isAlarmingChange(verified, unknown)).toBe(true);
    expect(isAlarmingChange(verified, { ...verified })).toBe(false);
    expect(isAlarmingChange(unknown, unknown)).toBe(false);
    expect(changedFields(verified, { ...verified, organization: "Northwind Data Brokers LLC", location: "US, NY, New York" })).toEqual([
      "organization",
      "location",
    ]);
  });

  it("speaks of ended grants in the past tense with the date and the reason", () => {
    expect(endedSentence("revoked by the patient", "2026-11-29T10:00:00Z")).toBe("Revoked by you on 29 November 2026.");
    expect(endedSentence("unused for more than 90 days", "2027-03-01T00:00:00Z")).toBe(
      "Ended on 1 March 2027: the app did not use it for more than 90 days.",
    );
    expect(statusLine({ status: "active", revokedAt: null, revokedReason: null, endsAtNextUse: "unused for more than 90 days" })).toBe(
      "Will end the next time the app uses it: the app has not used it for more than 90 days.",
    );
    expect(statusLine({ status: "active", revokedAt: null, revokedReason: null, endsAtNextUse: null })).toBeNull();
  });

  it("tells changes and findings without fingerprints or protocol names", () => {
    const replaced = changeInPlainWords({
      code: "certificate.replaced",
      kind: "fact",
      sentence: "The app's certificate was replaced by a new one (fingerprint AB:CD…).",
    });
    expect(replaced).toBe("The app's security certificate was replaced.");
    expect(
      findingInPlainWords({
        code: "dns.client-id-record-missing",
        message: "The domain x does not publish the DNS TXT record cerner-client-id=1",
      }),
    ).not.toMatch(/DNS|TXT|cerner/);
  });

  it("refuses Allow when every optional item was unticked, not when one is kept or none was asked", () => {
    const asked = ["openid", "fhirUser", "launch/patient", "patient/Observation.read", "patient/MedicationRequest.read"];
    expect(sharesNothing(asked, [])).toBe(true);
    expect(sharesNothing(asked, ["patient/Observation.read"])).toBe(false);
    expect(sharesNothing(["openid", "launch/patient"], [])).toBe(false);
  });
});
