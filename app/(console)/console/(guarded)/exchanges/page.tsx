// GET /console/exchanges — the newest HTTP exchanges the sandbox kept (authorize, consent, token, FHIR, registration,
// control API), each opening its Raw HTTP view.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { recentExchanges } from "@/lib/activity/http-exchange-store";
import { readSettings } from "@/lib/settings/tenant-settings";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { urlParts } from "@/lib/activity/raw-http";
import { LiveRefresh } from "@/components/console/live-refresh";

export const metadata: Metadata = { title: "Raw HTTP" };
export const dynamic = "force-dynamic";

export default async function ExchangesPage() {
  const [exchanges, settings] = await Promise.all([recentExchanges(db, DEFAULT_TENANT.id), readSettings(db, DEFAULT_TENANT.id)]);
  return (
    <section aria-labelledby="exchanges" className="rounded-xl bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="exchanges" className="text-xl font-bold">
          Raw HTTP
        </h1>
        <LiveRefresh />
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Every request the sandbox answered and its answer, newest first. Tokens, codes, client secrets, passwords and cookies are replaced
        by <code>[redacted]</code> before anything is stored.
      </p>
      {!settings.recordHttpExchanges && (
        <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          Keeping exchanges is off for this tenant: turn on “Keep raw HTTP exchanges” in{" "}
          <Link href="/console/settings" className="underline">
            Settings
          </Link>
          .
        </p>
      )}
      {exchanges.length === 0 ? (
        <p className="mt-3 text-slate-600">No exchanges kept yet.</p>
      ) : (
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Time
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Request
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {exchanges.map((exchange) => {
              const url = urlParts(exchange.url);
              return (
                <tr key={exchange.correlationId}>
                  <td className="py-1.5 pr-3 font-mono text-xs text-slate-500">{exchange.startedAt.toISOString().slice(11, 19)}</td>
                  <td className="py-1.5 pr-3 break-all">
                    <Link href={`/console/exchanges/${exchange.correlationId}`} className="text-brand-700 underline">
                      <span className="font-semibold">{exchange.method}</span> {url.pathname}
                    </Link>
                  </td>
                  <td className={`py-1.5 pr-3 font-mono ${exchange.status >= 400 ? "text-red-700" : "text-slate-800"}`}>
                    {exchange.status}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
