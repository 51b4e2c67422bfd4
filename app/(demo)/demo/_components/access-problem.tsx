"use client";
// What the vendor recommends when a refresh answers invalid_grant: say access *may* have been suspended or
// revoked, link "More information" to the exact error_uri (new tab), offer "Re-authorize", and a dialog with
// "Try again", "Start a new authorization" and "Stop using the app". The native dialog traps focus and closes on Escape.
import { useEffect, useRef } from "react";
import type { RefusedExchange } from "@/demo-app/token-refresh";

interface Props {
  errorUri: string | null;
  /** The refused refresh as MyHealth sent and received it, for the developer drawer ("What happened?"). */
  exchange: RefusedExchange | null;
  /** When the last refresh was refused: "Try again" always says how it went. */
  refusedAt: number | null;
  tryAgain: () => Promise<void>;
  reauthorize: () => Promise<void>;
  stop: () => Promise<void>;
}

/** The error_uri names why: a revoked grant has ended for good, a suspended one can be re-approved. */
const ended = (errorUri: string | null) => !!errorUri && decodeURIComponent(errorUri).includes(":grant:revoked");

/** The developer drawer: the exact refused refresh request (refresh token left out) and the server's 400 answer. */
function WhatHappened({ exchange }: { exchange: RefusedExchange }) {
  const pre = "mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs text-slate-800";
  return (
    <details className="mt-4 rounded-lg border border-amber-200 bg-amber-100/40 p-3 text-sm text-amber-950" data-testid="what-happened">
      <summary className="cursor-pointer font-semibold">What happened? (for developers)</summary>
      <p className="mt-2 font-semibold">MyHealth sent</p>
      <pre
        className={pre}
      >{`${exchange.request.method} ${exchange.request.url}\ncontent-type: application/x-www-form-urlencoded\n\n${exchange.request.body}`}</pre>
      <p className="mt-2 font-semibold">The server answered</p>
      <pre
        className={pre}
      >{`HTTP ${exchange.response.status}${exchange.response.correlationId ? `\nx-correlation-id: ${exchange.response.correlationId}` : ""}\n\n${exchange.response.body}`}</pre>
      {exchange.response.correlationId && (
        <p className="mt-2">
          <a
            href={`/console/activity?correlation=${encodeURIComponent(exchange.response.correlationId)}`}
            target="_blank"
            rel="noopener noreferrer"
            className="font-semibold underline"
          >
            This exchange in the sandbox console
          </a>
        </p>
      )}
    </details>
  );
}

export function AccessProblem({ errorUri, exchange, refusedAt, tryAgain, reauthorize, stop }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  // In UTC, so the server's and the browser's renderings agree whatever their time zones.
  const lastTry = refusedAt ? `${new Date(refusedAt).toISOString().slice(11, 19)} UTC` : null;
  const sentence = ended(errorUri)
    ? `Refused at ${lastTry} — this access has ended. Start a new authorization to connect again.`
    : `Refused at ${lastTry}. If you re-approved MyHealth in your portal, try again now.`;
  const result = (live: boolean) =>
    lastTry && (
      <p
        role={live ? "status" : undefined}
        data-testid={live ? "try-again-result" : undefined}
        className="mt-2 text-sm font-semibold text-amber-950"
      >
        {sentence}
      </p>
    );
  const button = "w-full rounded-lg px-4 py-2 font-semibold";
  return (
    <>
      <div role="alert" data-testid="access-problem" className="rounded-xl border border-amber-300 bg-amber-50 p-5">
        <h1 className="text-xl font-bold text-amber-950">Access to your health record may have been suspended or revoked</h1>
        <p className="mt-2 text-amber-950">
          MyHealth could not renew its access. Your patient portal can tell you why and let you approve MyHealth again.
        </p>
        {result(false)}
        <div className="mt-4 flex flex-wrap gap-3">
          {errorUri && (
            <a
              href={errorUri}
              target="_blank"
              rel="noopener noreferrer"
              className="rounded-lg bg-amber-900 px-4 py-2 font-semibold text-white hover:bg-amber-800"
            >
              More information
            </a>
          )}
          <form action={reauthorize}>
            <button className="rounded-lg border border-amber-900 px-4 py-2 font-semibold text-amber-950 hover:bg-amber-100">
              Re-authorize
            </button>
          </form>
          <button
            type="button"
            onClick={() => dialog.current?.showModal()}
            className="rounded-lg px-4 py-2 font-semibold text-amber-950 underline"
          >
            What can I do?
          </button>
        </div>
        {exchange && <WhatHappened exchange={exchange} />}
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="problem-title"
        className="m-auto w-[min(28rem,92vw)] rounded-2xl p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="problem-title" className="text-lg font-bold text-slate-900">
          MyHealth lost access to your record
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          If you re-approved MyHealth in your patient portal, try again. Otherwise start a new authorization, or stop using the app.
        </p>
        {result(true)}
        <div className="mt-5 space-y-2">
          {errorUri && (
            <a
              href={errorUri}
              target="_blank"
              rel="noopener noreferrer"
              className={`${button} block border border-amber-300 bg-amber-50 text-center text-amber-950 hover:bg-amber-100`}
            >
              More information (opens your patient portal)
            </a>
          )}
          <form action={tryAgain}>
            <button autoFocus className={`${button} bg-indigo-600 text-white hover:bg-indigo-700`}>
              Try again
            </button>
          </form>
          <form action={reauthorize}>
            <button className={`${button} border border-slate-300 text-slate-900 hover:bg-slate-100`}>Start a new authorization</button>
          </form>
          <form action={stop}>
            <button className={`${button} text-red-700 hover:bg-red-50`}>Stop using the app</button>
          </form>
          <button type="button" onClick={() => dialog.current?.close()} className={`${button} text-slate-600 hover:bg-slate-100`}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
