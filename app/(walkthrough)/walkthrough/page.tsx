// GET /walkthrough — the presenter's story of the suspension: MyHealth (left) next to the live sequence diagram
// (right), and the nine steps below, each ticked by itself when the activity log shows it happened.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { sequenceSteps } from "@/lib/activity/sequence";
import { SCENARIO_NAMES, SCENARIOS } from "@/lib/trust/scenarios";
import { readStory, storyExchanges, STORY_STEPS, type StepId } from "@/lib/walkthrough/story";
import { exchangeSummary } from "@/lib/activity/raw-http";
import { RawExchange } from "@/components/console/raw-exchange";
import { LiveRefresh } from "@/components/console/live-refresh";
import { SequenceDiagram } from "@/components/console/sequence-diagram";
import { StoryStepCard } from "@/components/walkthrough/story-step-card";
import { applyChangeAction, resetStoryAction } from "./actions";
import { requireConsoleAccess } from "../../(console)/console/_lib/console-access";

export const metadata: Metadata = { title: "Presenter walkthrough" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  reset: "The story starts afresh: MyHealth's server is back to its baseline, the clock is at now, and MyHealth is disconnected.",
  "not-applicable": "That change does not apply to MyHealth's certificate as it is now; reset the story first.",
  "unknown-change": "Pick one of the listed changes.",
};

const button = "rounded-lg px-3 py-1.5 text-sm font-semibold";
const newTab = { target: "_blank", rel: "noopener noreferrer" } as const;

export default async function WalkthroughPage({ searchParams }: { searchParams: Promise<{ notice?: string; compare?: string }> }) {
  // It shows the sandbox's activity and changes it: as protected as the console (open when no password is set).
  await requireConsoleAccess();
  const { notice, compare } = await searchParams;
  const { state, events } = await readStory(db);
  const steps = sequenceSteps(events);
  const exchanges = await storyExchanges(db, events);
  const changes = SCENARIO_NAMES.filter((name) => name !== "restore-baseline");
  const noticeText = notice?.startsWith("changed-")
    ? `Changed at MyHealth's server: ${notice.slice("changed-".length)}.`
    : notice && Object.hasOwn(NOTICES, notice)
      ? NOTICES[notice]
      : null;
  // The frames reload when the story moves on, so MyHealth shows what just happened.
  const progress = STORY_STEPS.filter((step) => state.done[step.id]).length;
  const comparing = compare === "naive";

  const actions: Partial<Record<StepId, React.ReactNode>> = {
    connect: (
      <a href="/demo" {...newTab} className="font-semibold text-brand-700 underline">
        Open MyHealth in a new tab
      </a>
    ),
    approve: <span className="text-slate-600">In MyHealth&apos;s tab: sign in (e.g. avarivera), choose the record, Allow.</span>,
    read: <span className="text-slate-600">MyHealth (left) shows the record.</span>,
    change: (
      <form action={applyChangeAction} className="flex flex-wrap items-center gap-2">
        <label htmlFor="change" className="sr-only">
          The change at MyHealth&apos;s server
        </label>
        <select id="change" name="scenario" className="rounded border border-slate-300 px-2 py-1" defaultValue="certificate-expired">
          {changes.map((name) => (
            <option key={name} value={name}>
              {name} — {SCENARIOS[name].description}
            </option>
          ))}
        </select>
        <button className={`${button} bg-slate-900 text-white`}>Make this change</button>
      </form>
    ),
    refresh: <span className="text-slate-600">In MyHealth (left): Refresh now.</span>,
    refused: state.grantId ? (
      <Link href={`/console/activity?grant=${state.grantId}`} className="font-semibold text-brand-700 underline">
        See the exchange in the console
      </Link>
    ) : null,
    notice: <span className="text-slate-600">MyHealth (left) shows its notice with More information and Re-authorize.</span>,
    reapprove: state.errorUri ? (
      <a href={state.errorUri} {...newTab} className="font-semibold text-brand-700 underline">
        Open the portal&apos;s page for this error (error_uri), signed in as the patient
      </a>
    ) : null,
    "try-again": <span className="text-slate-600">In MyHealth (left): Try again.</span>,
  };

  return (
    <main className="mx-auto max-w-[1400px] space-y-4 px-3 py-4 sm:px-5">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-brand-700">Presenter walkthrough</p>
          <h1 className="text-2xl font-bold text-slate-900">When an app changes after the patient said yes</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <LiveRefresh seconds={1} />
          <Link href={comparing ? "/walkthrough" : "/walkthrough?compare=naive"} className={`${button} border border-slate-300 bg-white`}>
            {comparing ? "Hide the naive app" : "Compare with a naive app"}
          </Link>
          <form action={resetStoryAction}>
            <button className={`${button} bg-slate-900 text-white`}>Reset story</button>
          </form>
        </div>
      </header>
      {noticeText && (
        <p role="status" className="rounded-lg bg-slate-900 px-3 py-2 text-sm text-white">
          {noticeText}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="app-pane" className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <h2 id="app-pane" className="text-sm font-semibold text-slate-700">
            {comparing ? "MyHealth (recommended) and a naive app, same refused refresh" : "MyHealth, as the patient sees it"}
          </h2>
          {state.done.approve && state.grantStatus !== null ? (
            <div className={`mt-2 grid gap-2 ${comparing ? "grid-cols-2" : ""}`}>
              <iframe
                key={`app-${progress}`}
                title="MyHealth"
                src="/demo/record"
                className="h-[520px] w-full rounded-lg border border-slate-200"
              />
              {comparing && (
                <iframe
                  key={`naive-${progress}`}
                  title="A naively built app"
                  src="/demo/record?view=naive"
                  className="h-[520px] w-full rounded-lg border border-slate-200"
                />
              )}
            </div>
          ) : (
            <p className="mt-2 rounded-lg bg-slate-50 p-4 text-slate-700">
              MyHealth is not connected yet. The patient&apos;s sign-in and consent refuse to be framed (as the vendor&apos;s do), so{" "}
              <a href="/demo" {...newTab} className="font-semibold text-brand-700 underline">
                connect MyHealth in a new tab
              </a>
              ; it appears here once the patient allowed it.
            </p>
          )}
        </section>
        <section aria-labelledby="diagram-pane" className="min-w-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <h2 id="diagram-pane" className="text-sm font-semibold text-slate-700">
            Live: every exchange of the story {state.grantStatus && <span className="font-normal">(grant {state.grantStatus})</span>}
          </h2>
          {steps.length ? (
            <SequenceDiagram steps={steps} label="Sequence diagram of the story" exchanges={exchanges.kept} target="_blank" />
          ) : (
            <p className="mt-2 text-slate-600">Nothing has happened yet: start with step 1.</p>
          )}
          {exchanges.latest && (
            <div className="mt-3 border-t border-slate-100 pt-3" data-testid="latest-exchange">
              <h3 className="flex flex-wrap items-baseline justify-between gap-2 text-sm font-semibold text-slate-700">
                <span>
                  Latest token request: <span className="font-mono font-normal">{exchangeSummary(exchanges.latest)}</span>
                </span>
                <span className="flex gap-3 font-normal">
                  <a href={`/console/exchanges/${exchanges.latest.correlationId}`} {...newTab} className="text-brand-700 underline">
                    Raw HTTP
                  </a>
                  {state.grantId && (
                    <a href={`/console/grants/${state.grantId}/har`} className="text-brand-700 underline">
                      Download HAR
                    </a>
                  )}
                </span>
              </h3>
              <div className="mt-2">
                <RawExchange exchange={exchanges.latest} compact headingLevel={4} />
              </div>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="story">
        <h2 id="story" className="text-lg font-semibold text-slate-900">
          The story {state.next === null && <span className="text-green-800">— complete</span>}
        </h2>
        <ol className="mt-2 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {STORY_STEPS.map((step, index) => (
            <StoryStepCard key={step.id} step={step} number={index + 1} done={state.done[step.id]} current={state.next === step.id}>
              {actions[step.id]}
            </StoryStepCard>
          ))}
        </ol>
      </section>
    </main>
  );
}
