// GET /console/activity[?app=&grant=&patient=&type=&correlation=] — the activity timeline (live), each event's details with
// secrets redacted, each with its Raw HTTP exchange, and for one grant the sequence diagram of everything that happened to
// it (each arrow opening its exchange) and the grant's HAR.
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { eventPage, InvalidCursor } from "@/lib/activity/event-page";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { sequenceSteps } from "@/lib/activity/sequence";
import { grantTimeline } from "@/lib/activity/grant-timeline";
import { correlationIdsWithExchanges } from "@/lib/activity/http-exchange-store";
import { LiveRefresh } from "@/components/console/live-refresh";
import { SequenceDiagram } from "@/components/console/sequence-diagram";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

type Search = { app?: string; grant?: string; patient?: string; type?: string; correlation?: string; cursor?: string };
const PAGE_SIZE = 100;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const filters = await searchParams;
  // The default tenant's log, newest first, a page at a time (keyset: one indexed range read however long it grows).
  const page = await eventPage(db, DEFAULT_TENANT.id, {
    client: filters.app,
    grant: filters.grant,
    patient: filters.patient,
    type: filters.type,
    correlation: filters.correlation,
    cursor: filters.cursor,
    limit: PAGE_SIZE,
  }).catch((error) => {
    if (error instanceof InvalidCursor) return { events: [], nextCursor: null };
    throw error;
  });
  const events = page.events;
  const older = page.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([key, value]) => key !== "cursor" && value)), cursor: page.nextCursor })}`
    : null;
  const timeline = filters.grant ? await grantTimeline(db, filters.grant) : [];
  const kept = await correlationIdsWithExchanges(db, DEFAULT_TENANT.id, [
    ...new Set([...events, ...timeline].flatMap((event) => (event.correlationId ? [event.correlationId] : []))),
  ]);
  const input = "rounded border border-slate-300 px-2 py-1";

  return (
    <div className="space-y-6">
      {filters.grant && (
        <section aria-labelledby="sequence" className="rounded-xl bg-white p-5 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="sequence" className="text-lg font-semibold">
              Sequence of grant <span className="font-mono text-sm">{filters.grant}</span>
            </h2>
            {timeline.length > 0 && (
              <a
                href={`/console/grants/${encodeURIComponent(filters.grant)}/har`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                Download HAR
              </a>
            )}
          </div>
          {timeline.length ? (
            <SequenceDiagram steps={sequenceSteps(timeline)} exchanges={kept} />
          ) : (
            <p className="mt-2 text-slate-600">No events for this grant.</p>
          )}
        </section>
      )}
      <section aria-labelledby="timeline" className="rounded-xl bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="timeline" className="text-xl font-bold">
            Activity
          </h1>
          <div className="flex items-center gap-4">
            <a
              href={`/console/activity-export?${new URLSearchParams(
                Object.entries({
                  app: filters.app,
                  grant: filters.grant,
                  patient: filters.patient,
                  type: filters.type,
                  correlation: filters.correlation,
                }).filter((entry): entry is [string, string] => !!entry[1]),
              )}`}
              className="text-sm font-semibold text-brand-700 underline"
            >
              Export (JSON Lines)
            </a>
            <LiveRefresh />
          </div>
        </div>
        <form className="mt-3 flex flex-wrap items-end gap-2 text-sm">
          <input aria-label="App (client id)" name="app" defaultValue={filters.app} placeholder="client id" className={input} />
          <input aria-label="Grant id" name="grant" defaultValue={filters.grant} placeholder="grant id" className={input} />
          <input aria-label="Patient id" name="patient" defaultValue={filters.patient} placeholder="patient id" className={input} />
          <input aria-label="Event type" name="type" defaultValue={filters.type} placeholder="type, e.g. grant." className={input} />
          <button className="rounded-lg bg-slate-900 px-3 py-1.5 font-semibold text-white">Filter</button>
        </form>
        <ol className="mt-4 divide-y divide-slate-100" data-testid="timeline">
          {events.map((event) => (
            <li key={event.id} className="py-2 text-sm">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3">
                  <span className="font-mono text-xs text-slate-500">{event.createdAt.toISOString().slice(11, 19)}</span>
                  <span
                    className={`font-mono font-semibold ${/failed|suspended|revoked|expired/.test(event.type) ? "text-red-700" : "text-slate-900"}`}
                  >
                    {event.type}
                  </span>
                  {event.clientId && <span className="text-xs text-slate-600">app {event.clientId}</span>}
                  {event.patientId && <span className="text-xs text-slate-600">patient {event.patientId}</span>}
                  {event.grantId && (
                    <a href={`/console/activity?grant=${event.grantId}`} className="text-xs text-brand-700 underline">
                      grant
                    </a>
                  )}
                  {event.correlationId && kept.has(event.correlationId) && (
                    <a href={`/console/exchanges/${event.correlationId}`} className="text-xs text-brand-700 underline">
                      Raw HTTP
                    </a>
                  )}
                </summary>
                <div className="mt-2 rounded-lg bg-slate-50 p-3">
                  <p className="text-xs text-slate-600">
                    Sandbox time {event.sandboxAt.toISOString()}
                    {event.correlationId ? ` · correlation ${event.correlationId}` : ""}
                  </p>
                  <pre className="mt-1 max-h-80 overflow-auto text-xs">{JSON.stringify(event.payload, null, 2)}</pre>
                </div>
              </details>
            </li>
          ))}
        </ol>
        {events.length === 0 && <p className="mt-3 text-slate-600">No events match.</p>}
        {older && (
          <a href={older} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            Older events
          </a>
        )}
      </section>
    </div>
  );
}
