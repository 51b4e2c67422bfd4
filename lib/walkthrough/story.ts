// The presenter's story of the suspension, as data: nine steps from connecting MyHealth to "Try again" working with
// the same refresh token. A step is done when the activity log shows it happened — whoever did it: the presenter in
// another tab, a script through the control API, or the page's own buttons. The story starts at its last reset.
import { correlationIdsWithExchanges, findExchange } from "../activity/http-exchange-store";
import type { Db } from "../db/client";
import { DEFAULT_TENANT, DEMO_APP } from "../personas/personas";

export type StepId = "connect" | "approve" | "read" | "change" | "refresh" | "refused" | "notice" | "reapprove" | "try-again";

export interface StoryStep {
  id: StepId;
  title: string;
  /** One sentence for a non-technical audience. */
  audience: string;
  /** One sentence for developers. */
  developer: string;
}

export const STORY_STEPS: readonly StoryStep[] = [
  {
    id: "connect",
    title: "Connect MyHealth",
    audience: "A patient opens MyHealth and signs in to their patient portal to connect it.",
    developer: "MyHealth sends the browser to /authorize (PKCE S256, state, aud); the portal signs the patient in.",
  },
  {
    id: "approve",
    title: "Approve on the consent screen",
    audience: "The portal shows who is asking — a verified app with its organization — and the patient says yes.",
    developer: "The consent shows the identity block from the TLS/DNS checks; Allow takes a snapshot of the app's trust.",
  },
  {
    id: "read",
    title: "MyHealth reads the record",
    audience: "MyHealth shows the patient's vital signs, medications and more.",
    developer: "The code becomes tokens (offline_access: a refresh token); the app calls the FHIR API with the access token.",
  },
  {
    id: "change",
    title: "Something changes at the app",
    audience: "Behind the scenes the app's certificate or web address records change — the portal will notice.",
    developer: "A scenario changes the app's simulated TLS endpoint or DNS records (pick one below).",
  },
  {
    id: "refresh",
    title: "MyHealth renews its access",
    audience: "Later, MyHealth quietly asks for fresh access, as apps do every few minutes.",
    developer: "POST /token grant_type=refresh_token: the server checks the app's trust again and compares it with the snapshot.",
  },
  {
    id: "refused",
    title: "The portal says no",
    audience: "Because the app changed after the patient said yes, the portal pauses its access.",
    developer: "400 {error: invalid_grant, error_uri}: the grant is suspended; the error_uri page explains it to the patient.",
  },
  {
    id: "notice",
    title: "MyHealth explains and links to the portal",
    audience: "MyHealth tells the patient access may have been paused, with More information and Re-authorize.",
    developer: "The vendor's three recommendations: handle invalid_grant, link the exact error_uri, offer a new authorization.",
  },
  {
    id: "reapprove",
    title: "The patient reviews and re-approves",
    audience: "In the portal the patient sees what changed and approves MyHealth again.",
    developer: "The error_uri page (signed in) shows then and now; Re-approve takes a fresh snapshot — same grant, same refresh token.",
  },
  {
    id: "try-again",
    title: "Try again works",
    audience: "Back in MyHealth, Try again brings the record back — nothing to set up again.",
    developer: "The same refresh token is accepted again: 200 with a new access token.",
  },
];

export interface StoryEvent {
  type: string;
  clientId: string | null;
  grantId: string | null;
  createdAt: Date;
  payload: unknown;
}

export interface StoryState {
  /** When the story started (its last reset), or null: from the beginning of the log. */
  since: Date | null;
  done: Record<StepId, boolean>;
  /** The first step not done yet, or null when the whole story happened. */
  next: StepId | null;
  /** The grant the story is about: the demo app's latest grant since the story started. */
  grantId: string | null;
  grantStatus: string | null;
  /** The error_uri of the story's latest refused refresh (step 8 opens it), or null. */
  errorUri: string | null;
}

const isType = (event: StoryEvent, ...types: string[]) => types.includes(event.type);

/** Which steps happened, from the story's events in time order (pure; the database read is readStory below). */
export function stepsDone(events: StoryEvent[], clientId: string = DEMO_APP.clientId): Record<StepId, boolean> {
  const mine = events.filter((event) => event.clientId === null || event.clientId === clientId);
  const index = (predicate: (event: StoryEvent) => boolean, after = -1) => mine.findIndex((event, i) => i > after && predicate(event));
  const connect = index((event) => isType(event, "session.signed_in"));
  const approve = index((event) => isType(event, "grant.created") && event.clientId === clientId);
  const read = index((event) => event.type.startsWith("fhir.") && event.clientId === clientId, approve);
  const change = index((event) => isType(event, "trust.scenario_applied", "trust.world_edited") && event.clientId === clientId, approve);
  const refresh = index(
    (event) => isType(event, "token.refreshed", "token.failed") && event.clientId === clientId,
    Math.max(change, approve),
  );
  const refused = index(
    (event) =>
      (isType(event, "token.failed") && (event.payload as { error?: string })?.error === "invalid_grant") ||
      isType(event, "grant.suspended"),
    Math.max(change, approve),
  );
  const reapprove = index((event) => isType(event, "grant.reapproved") && event.clientId === clientId, refused);
  const tryAgain = index((event) => isType(event, "token.refreshed") && event.clientId === clientId, reapprove);
  const happened = (at: number, ...before: number[]) => at >= 0 && before.every((step) => step >= 0);
  return {
    connect: connect >= 0 || approve >= 0,
    approve: approve >= 0,
    read: happened(read, approve),
    change: happened(change, approve),
    refresh: happened(refresh, change),
    refused: happened(refused, change),
    // MyHealth shows its notice whenever a refresh is refused (it tells no server when it does).
    notice: happened(refused, change),
    reapprove: happened(reapprove, refused),
    "try-again": happened(tryAgain, reapprove),
  };
}

/**
 * The story since its last reset, from one read of the log: which steps happened, where it stands, and its events
 * (oldest first, the latest 300) for the sequence diagram.
 */
export async function readStory(db: Db, tenantId: string = DEFAULT_TENANT.id) {
  const reset = await db.event.findFirst({
    where: { tenantId, type: "story.reset" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = reset?.createdAt ?? null;
  const [newestFirst, grant] = await Promise.all([
    db.event.findMany({
      where: {
        tenantId,
        ...(since ? { createdAt: { gt: since } } : {}),
        OR: [{ clientId: DEMO_APP.clientId }, { type: "session.signed_in" }],
      },
      orderBy: { createdAt: "desc" },
      take: 2000,
    }),
    db.grant.findFirst({
      where: { tenantId, clientId: DEMO_APP.clientId, ...(since ? { createdAt: { gt: since } } : {}) },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true },
    }),
  ]);
  const events = newestFirst.reverse();
  const done = stepsDone(events);
  const refused = events.findLast((event) => event.type === "token.failed" && (event.payload as { errorUri?: string })?.errorUri);
  const state: StoryState = {
    since,
    done,
    next: STORY_STEPS.find((step) => !done[step.id])?.id ?? null,
    grantId: grant?.id ?? null,
    grantStatus: grant?.status ?? null,
    errorUri: (refused?.payload as { errorUri?: string } | undefined)?.errorUri ?? null,
  };
  return { state, events: events.slice(-300) };
}

/**
 * The story's kept exchanges: which events have one (the diagram's arrows link to them) and the latest token request
 * with its answer — the exchange the audience watches arrive, the refused refresh's 400 included.
 */
export async function storyExchanges(
  db: Db,
  events: { type: string; correlationId: string | null }[],
  tenantId: string = DEFAULT_TENANT.id,
) {
  const ids = [...new Set(events.flatMap((event) => (event.correlationId ? [event.correlationId] : [])))];
  const kept = await correlationIdsWithExchanges(db, tenantId, ids);
  const latestToken = events.findLast((event) => event.type.startsWith("token.") && event.correlationId && kept.has(event.correlationId));
  const latest = latestToken ? await findExchange(db, tenantId, latestToken.correlationId!) : null;
  return { kept, latest };
}
