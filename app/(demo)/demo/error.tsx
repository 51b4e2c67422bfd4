"use client";
// MyHealth's error boundary: a failed demo page says so readably, with the reference the server log carries (the
// error's digest), a way to try again and a way back. The demo app is a separate client, so this is its own page.
import Link from "next/link";

export default function DemoError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl bg-white p-6 shadow-sm" data-testid="segment-error">
      <h1 className="text-xl font-bold">MyHealth ran into a problem</h1>
      <p className="mt-2 text-slate-700">Nothing you did caused this. Try again; if it keeps happening, tell us this reference.</p>
      {error.digest && (
        <p className="mt-2 text-sm text-slate-700">
          Reference (correlation id):{" "}
          <code className="font-mono" data-testid="error-reference">
            {error.digest}
          </code>
        </p>
      )}
      <p className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/demo" className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800">
          MyHealth home
        </Link>
      </p>
    </div>
  );
}
