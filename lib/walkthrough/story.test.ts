// The story's steps tick themselves from the activity log, whoever did them, in the story's order.
import { describe, expect, it } from "vitest";
import { stepsDone, type StoryEvent } from "./story";

const APP = "demo-patient-app";
let clock = 0;
const event = (type: string, payload: Record<string, unknown> = {}, clientId: string | null = APP): StoryEvent => ({
  type,
  clientId,
  grantId: null,
  createdAt: new Date(++clock * 1000),
  payload,
});

const WHOLE_STORY = [
  event("session.signed_in", {}, null),
  event("grant.created"),
  event("token.issued"),
  event("fhir.search", { status: 200 }),
  event("trust.scenario_applied", { scenario: "certificate-expired" }),
  event("token.failed", { error: "invalid_grant", errorUri: "http://x/errors/y" }),
  event("grant.suspended"),
  event("grant.reapproved"),
  event("token.refreshed"),
];

describe("the presenter's story", () => {
  it("ticks every step of the whole story", () => {
    expect(Object.values(stepsDone(WHOLE_STORY, APP)).every(Boolean)).toBe(true);
  });

  it("ticks nothing before anything happened, and only the sign-in after signing in", () => {
    expect(Object.values(stepsDone([], APP)).some(Boolean)).toBe(false);
    const done = stepsDone(WHOLE_STORY.slice(0, 1), APP);
    expect(
      Object.entries(done)
        .filter(([, value]) => value)
        .map(([step]) => step),
    ).toEqual(["connect"]);
  });

  it("does not count a refresh before the change as the story's refresh, nor a refresh before re-approval as Try again", () => {
    const early = [event("grant.created"), event("token.refreshed"), event("trust.scenario_applied")];
    expect(stepsDone(early, APP)).toMatchObject({ change: true, refresh: false, "try-again": false });
    const refusedOnly = [...early, event("token.failed", { error: "invalid_grant" })];
    expect(stepsDone(refusedOnly, APP)).toMatchObject({ refresh: true, refused: true, notice: true, reapprove: false, "try-again": false });
  });

  it("ignores another app's events", () => {
    const other = WHOLE_STORY.map((e) => ({ ...e, clientId: e.clientId === null ? null : "someone-else" }));
    expect(stepsDone(other, APP)).toMatchObject({ connect: true, approve: false, "try-again": false });
  });
});

describe("the story's sequence diagram", () => {
  it("draws the refused refresh as request, suspension, 400 — and collapses repeated FHIR reads", async () => {
    const { sequenceSteps } = await import("../activity/sequence");
    const labels = sequenceSteps(
      [
        event("fhir.search", { resourceType: "Observation", status: 200 }),
        event("fhir.search", { resourceType: "Condition", status: 200 }),
        event("fhir.read", { resourceType: "Patient", status: 200 }),
        event("grant.suspended"),
        event("token.failed", { grantType: "refresh_token", status: 400, error: "invalid_grant", errorUri: "x" }),
      ].map((e) => ({ ...e, payload: e.payload })),
    ).map((step) => step.label);
    expect(labels).toEqual(["3 FHIR reads → 200", "refresh_token request", "grant suspended", "400 invalid_grant + error_uri"]);
  });
});
