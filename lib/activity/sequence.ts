// Turns a grant's events into the steps of a sequence diagram between the patient's browser, the app,
// the authorization server and the FHIR API.
export const LANES = ["Patient's browser", "App", "Authorization server", "FHIR API"] as const;
export type Lane = 0 | 1 | 2 | 3;

export interface SequenceStep {
  from: Lane;
  to: Lane;
  label: string;
  /** Sandbox time when the event has it. */
  at: Date;
  tone: "normal" | "bad" | "good";
  /** The HTTP exchange behind the step, when the event names one (its Raw HTTP view). */
  correlationId?: string;
}

interface EventLike {
  type: string;
  payload: unknown;
  createdAt: Date;
  /** Sandbox time (the tenant's clock); the diagram shows it when given. */
  sandboxAt?: Date;
  correlationId?: string | null;
}

const isFhir = (step: SequenceStep) => step.from === 1 && step.to === 3;

/** Repeated FHIR calls in a row collapse into one arrow: "6 FHIR reads → 200". */
type CountedStep = SequenceStep & { count?: number };

function collapseFhir(steps: CountedStep[]): SequenceStep[] {
  const out: CountedStep[] = [];
  for (const step of steps) {
    const previous = out[out.length - 1];
    const status = (label: string) => label.split("→ ")[1];
    if (previous && isFhir(previous) && isFhir(step) && status(previous.label) === status(step.label)) {
      const count = (previous.count ?? 1) + 1;
      out[out.length - 1] = { ...previous, count, label: `${count} FHIR reads → ${status(step.label)}` };
    } else out.push(step);
  }
  return out.map(({ count: _count, ...step }) => step);
}

/**
 * A refused refresh is recorded as "grant suspended" then the failed token request (one transaction); drawn, the
 * request comes first: the app asks, the server suspends the grant, the app gets the 400.
 */
function requestBeforeSuspension(steps: CountedStep[]): CountedStep[] {
  const out = [...steps];
  for (let i = 0; i + 1 < out.length; i++) {
    const [note, request] = [out[i], out[i + 1]];
    if (note.label === "grant suspended" && request.from === 1 && request.to === 2 && request.label.endsWith("request")) {
      [out[i], out[i + 1]] = [request, note];
      i++;
    }
  }
  return out;
}

export function sequenceSteps(events: EventLike[]): SequenceStep[] {
  const withExchange = (event: EventLike) =>
    stepsOf(event).map((step) => (event.correlationId ? { ...step, correlationId: event.correlationId } : step));
  return collapseFhir(requestBeforeSuspension(events.flatMap(withExchange)));
}

function stepsOf(event: EventLike): CountedStep[] {
  {
    const p = (event.payload ?? {}) as Record<string, unknown>;
    const at = event.sandboxAt ?? event.createdAt;
    switch (event.type) {
      case "session.signed_in":
        return [{ from: 0, to: 2, label: `sign in (${p.username ?? "patient"})`, at, tone: "normal" }];
      case "authorize.denied":
        return [{ from: 0, to: 2, label: "Deny", at, tone: "bad" }];
      case "grant.created":
        return [{ from: 0, to: 2, label: `Allow (${p.trustLabel ?? "?"} app)`, at, tone: "good" }];
      case "token.issued":
        return [{ from: 1, to: 2, label: "code → tokens", at, tone: "normal" }];
      case "token.refreshed":
        return [{ from: 1, to: 2, label: "refresh → 200", at, tone: "normal" }];
      case "token.failed":
        // The refused request, then the answer the app gets.
        return [
          { from: 1, to: 2, label: p.grantType ? `${p.grantType} request` : "token request", at, tone: "normal" },
          { from: 2, to: 1, label: `${p.status ?? 400} ${p.error ?? "error"}${p.errorUri ? " + error_uri" : ""}`, at, tone: "bad" },
        ];
      case "trust.checked":
        return [{ from: 2, to: 2, label: `trust checked: ${p.label}`, at, tone: "normal" }];
      case "trust.scenario_applied":
        return [{ from: 2, to: 2, label: `world changed: ${p.scenario}`, at, tone: "bad" }];
      case "trust.world_edited":
        return [{ from: 2, to: 2, label: "world edited by hand", at, tone: "bad" }];
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
  }
}
