"use client";
// What a page that failed shows in every audience's segment (console, home): a readable message, the reference
// the server log carries with the failure (Next.js's error digest, logged by instrumentation.ts onRequestError), a
// way to try again and a way back. Never a stack trace or an error message.
import Link from "next/link";

interface Props {
  error: Error & { digest?: string };
  reset: () => void;
  title: string;
  back: { href: string; label: string };
  /** Whether the boundary is the page's main landmark (false inside a layout that has its own <main>). */
  main?: boolean;
}

export function SegmentError({ error, reset, title, back, main = true }: Props) {
  const Landmark = main ? "main" : "div";
  return (
    <Landmark
      role={main ? undefined : "alert"}
      className="mx-auto flex min-h-[50vh] max-w-xl flex-col justify-center px-4 py-12"
      data-testid="segment-error"
    >
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-700">
        Nothing you did caused this. Try again; if it keeps happening, the reference below finds it in the sandbox&apos;s log.
      </p>
      {error.digest && (
        <p className="mt-3 text-sm text-slate-700">
          Reference (correlation id):{" "}
          <code className="font-mono" data-testid="error-reference">
            {error.digest}
          </code>
        </p>
      )}
      <p className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-800">
          Try again
        </button>
        <Link
          href={back.href}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
        >
          {back.label}
        </Link>
      </p>
    </Landmark>
  );
}
