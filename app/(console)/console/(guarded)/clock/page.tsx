// GET /console/clock — sandbox time: advance by 1 hour / 1 day / 30 days / 91 days, set, reset.
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { readClock } from "@/lib/clock/sandbox-clock";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { clockAction } from "./actions";

export const metadata: Metadata = { title: "Clock" };
export const dynamic = "force-dynamic";

const STEPS = [
  { duration: "PT1H", label: "+1 hour" },
  { duration: "P1D", label: "+1 day" },
  { duration: "P30D", label: "+30 days" },
  { duration: "P91D", label: "+91 days" },
];

export default async function ClockPage({ searchParams }: { searchParams: Promise<{ error?: string; changed?: string }> }) {
  const { now, offsetSeconds } = await readClock(db, DEFAULT_TENANT.id);
  const { error, changed } = await searchParams;
  const days = Math.floor(offsetSeconds / 86_400);
  return (
    <section className="max-w-2xl rounded-xl bg-white p-5 shadow-sm">
      <h1 className="text-xl font-bold">Sandbox clock</h1>
      <p className="mt-3 font-mono text-2xl" data-testid="sandbox-now">
        {now.toISOString().replace(".000", "")}
      </p>
      <p className="text-sm text-slate-600">
        {offsetSeconds === 0
          ? "Real time."
          : `${days} day(s) ${Math.floor((offsetSeconds % 86_400) / 3600)} hour(s) ${offsetSeconds > 0 ? "ahead of" : "behind"} real time.`}{" "}
        Certificates, codes, tokens, unused grants (90 days) and cached trust checks all read this clock.
      </p>
      {error && (
        <p role="alert" className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {changed && !error && (
        <p role="status" className="mt-3 rounded bg-green-50 px-3 py-2 text-sm text-green-900">
          Clock changed.
        </p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {STEPS.map((step) => (
          <form key={step.duration} action={clockAction}>
            <input type="hidden" name="kind" value="advance" />
            <input type="hidden" name="duration" value={step.duration} />
            <button className="rounded-lg bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700">{step.label}</button>
          </form>
        ))}
        <form action={clockAction}>
          <input type="hidden" name="kind" value="reset" />
          <button className="rounded-lg border border-slate-300 px-3 py-1.5 font-semibold hover:bg-slate-100">Reset to real time</button>
        </form>
      </div>
      <form action={clockAction} className="mt-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="kind" value="set" />
        <label className="flex flex-col text-sm">
          Set to (UTC)
          <input type="datetime-local" name="at" required className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button className="rounded-lg border border-slate-300 px-3 py-1.5 font-semibold hover:bg-slate-100">Set</button>
      </form>
    </section>
  );
}
