// GET /console/exchanges/{correlationId} — one exchange as it went over the wire (Raw HTTP), secrets redacted, with
// the events it caused.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { findExchange } from "@/lib/activity/http-exchange-store";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { urlParts } from "@/lib/activity/raw-http";
import { RawExchange } from "@/components/console/raw-exchange";

export const metadata: Metadata = { title: "Raw HTTP exchange" };
export const dynamic = "force-dynamic";

export default async function ExchangePage({ params }: { params: Promise<{ correlationId: string }> }) {
  const { correlationId } = await params;
  const exchange = correlationId.length <= 100 ? await findExchange(db, DEFAULT_TENANT.id, correlationId) : null;
  if (!exchange) notFound();
  const url = urlParts(exchange.url);
  return (
    <section aria-labelledby="exchange" className="space-y-4 rounded-xl bg-white p-5 shadow-sm">
      <div>
        <h1 id="exchange" className="text-xl font-bold break-all">
          {exchange.method} {url.pathname} → {exchange.status}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {exchange.startedAt.toISOString()} (real time) · X-Correlation-Id <span className="font-mono">{exchange.correlationId}</span>
        </p>
        <p className="mt-1 flex flex-wrap gap-4 text-sm">
          <Link href={`/console/activity?correlation=${exchange.correlationId}`} className="font-semibold text-brand-700 underline">
            Events of this exchange
          </Link>
          <Link href="/console/exchanges" className="text-brand-700 underline">
            All exchanges
          </Link>
        </p>
      </div>
      <RawExchange exchange={exchange} headingLevel={2} />
    </section>
  );
}
