// The QA kit is installed into other projects, so it cannot import the sandbox: the names and sentences it
// carries are copies. This test fails the moment a copy drifts from the sandbox's own.
import { describe, expect, it } from "vitest";
import { REVIEW_MESSAGES as SANDBOX_REVIEW_MESSAGES } from "../lib/wording/patient-wording";
import { SCENARIO_NAMES as SANDBOX_SCENARIOS } from "../lib/trust/scenarios";
import { SCENARIO_NAMES } from "../packages/playwright/src/control-api";
import { REVIEW_MESSAGES } from "../packages/playwright/src/pages/review-messages";

describe("@smart-trust-sandbox/playwright constants", () => {
  it("names the same scenarios as the sandbox", () => {
    expect([...SCENARIO_NAMES]).toEqual([...SANDBOX_SCENARIOS]);
  });

  it("expects the same review outcome sentences as the pages show", () => {
    expect(REVIEW_MESSAGES).toEqual(SANDBOX_REVIEW_MESSAGES);
  });
});
