// Turns a grant's events into the steps of a sequence diagram between the patient's browser, the app,
// the authorization server and the FHIR API.
export const LANES = ["Patient's browser", "App", "Authorization server", "FHIR API"] as const;
export type Lane = 0 | 1 | 2 | 3;

export interface SequenceStep {
  from: Lane;
  to: Lane;
  label: string;
  at: Date;
  tone: "normal" | "bad" | "good";
}

interface EventLike {
  type: string;
  payload: unknown;
  createdAt: Date;
}

export function sequenceSteps(events: EventLike[]): SequenceStep[] {
  return events.flatMap((event): SequenceStep[] => {
    const p = (event.payload ?? {}) as Record<string, unknown>;
    const at = event.createdAt;
    switch (event.type) {
      case "grant.created":
        return [{ from: 0, to: 2, label: `Allow (${p.trustLabel ?? "?"} app)`, at, tone: "good" }];
      case "token.issued":
        return [{ from: 1, to: 2, label: "code → tokens", at, tone: "normal" }];
      case "token.refreshed":
        return [{ from: 1, to: 2, label: "refresh → 200", at, tone: "normal" }];
      case "token.failed":
        return [{ from: 2, to: 1, label: `400 ${p.error ?? "error"}`, at, tone: "bad" }];
      case "trust.checked":
        return [{ from: 2, to: 2, label: `trust checked: ${p.label}`, at, tone: "normal" }];
      case "trust.scenario_applied":
        return [{ from: 2, to: 2, label: `world changed: ${p.scenario}`, at, tone: "bad" }];
      case "trust.source_changed":
        return [
          {
            from: 2,
            to: 2,
            label: `checks now ${p.to === "live" ? "look at the real server" : "use the simulated world"}`,
            at,
            tone: "bad",
          },
        ];
      case "grant.suspended":
        return [{ from: 2, to: 2, label: "grant suspended", at, tone: "bad" }];
      case "grant.reapproved":
        return [{ from: 0, to: 2, label: "Re-approve", at, tone: "good" }];
      case "grant.kept_suspended":
        return [{ from: 0, to: 2, label: "Keep it paused", at, tone: "normal" }];
      case "grant.reinstated":
        return [{ from: 2, to: 2, label: "reinstated (console)", at, tone: "good" }];
      case "grant.revoked":
      case "grant.expired":
        return [{ from: 2, to: 2, label: `${event.type.split(".")[1]}: ${p.reason ?? ""}`, at, tone: "bad" }];
      case "fhir.search":
      case "fhir.read":
        return [{ from: 1, to: 3, label: `GET ${p.resourceType} → ${p.status}`, at, tone: Number(p.status) >= 400 ? "bad" : "normal" }];
      default:
        return [];
    }
  });
}
