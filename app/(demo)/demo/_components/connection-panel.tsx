"use client";
// The Connection panel: granted scopes, access token countdown, refresh token held, last refresh, "Refresh now".
// Times and the countdown depend on the browser's clock and time zone, so they render after hydration only
// (the server's time zone may differ from the browser's).
import { useEffect, useState } from "react";
import type { LastRefresh } from "@/demo-app/auth";

interface Props {
  scope: string;
  expiresAt: number;
  hasRefreshToken: boolean;
  lastRefresh: LastRefresh | null;
  /** Without one, the panel shows what it last knew, greyed, with no Refresh now (the access was refused). */
  refresh?: () => Promise<void>;
}

const OUTCOME: Record<LastRefresh["outcome"], string> = {
  refreshed: "succeeded",
  invalid_grant: "refused (invalid_grant)",
  unavailable: "server unavailable",
  no_refresh_token: "no refresh token",
};

export function ConnectionPanel({ scope, expiresAt, hasRefreshToken, lastRefresh, refresh }: Props) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Math.floor(Date.now() / 1000));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : expiresAt - now;
  return (
    <section
      aria-labelledby="connection"
      data-testid="connection-panel"
      className={`rounded-xl border border-slate-200 bg-white p-4 text-sm ${refresh ? "" : "bg-slate-50 text-slate-600"}`}
    >
      <h2 id="connection" className="text-base font-semibold text-slate-900">
        Connection
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">Access token</dt>
        <dd data-testid="token-countdown">
          {left === null ? "…" : left > 0 ? `expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` : "expired"}
        </dd>
        <dt className="text-slate-600">Refresh token</dt>
        <dd>{hasRefreshToken ? "held (kept on the server)" : "none"}</dd>
        <dt className="text-slate-600">Last refresh</dt>
        <dd data-testid="last-refresh">
          {lastRefresh
            ? `${now === null ? "…" : new Date(lastRefresh.at).toLocaleTimeString()} — ${OUTCOME[lastRefresh.outcome]}`
            : "not yet"}
        </dd>
        <dt className="text-slate-600">Scopes</dt>
        <dd className="font-mono text-xs break-words" data-testid="connection-scope">
          {scope}
        </dd>
      </dl>
      {refresh && (
        <form action={refresh} className="mt-3">
          <button className="rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-1.5 font-semibold text-indigo-900 hover:bg-indigo-100">
            Refresh now
          </button>
        </form>
      )}
    </section>
  );
}
