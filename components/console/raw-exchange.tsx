// One HTTP exchange as text: the request and the response, side by side on wide screens, stacked on narrow ones;
// compact (the walkthrough) leaves the headers to the full view.
import { rawRequest, rawResponse } from "@/lib/activity/raw-http";
import type { StoredExchange } from "@/lib/activity/http-exchange-store";

interface Props {
  exchange: StoredExchange;
  compact?: boolean;
  /** The level of the "Request" and "Response" headings, one below the heading they sit under. */
  headingLevel: 2 | 3 | 4;
}

export function RawExchange({ exchange, compact = false, headingLevel }: Props) {
  const Heading = `h${headingLevel}` as const;
  const pre = `overflow-auto whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100 ${compact ? "max-h-56" : "max-h-[32rem]"}`;
  return (
    <div className={`grid gap-3 ${compact ? "" : "lg:grid-cols-2"}`} data-testid="raw-exchange">
      <section aria-label="Request">
        <Heading className="mb-1 text-sm font-semibold text-slate-700">Request</Heading>
        <pre className={pre} data-testid="raw-request" tabIndex={0}>
          {rawRequest(exchange, { headers: !compact })}
        </pre>
      </section>
      <section aria-label="Response">
        <Heading className="mb-1 text-sm font-semibold text-slate-700">
          Response <span className="font-normal text-slate-500">({exchange.durationMs} ms)</span>
        </Heading>
        <pre className={pre} data-testid="raw-response" tabIndex={0}>
          {rawResponse(exchange, { headers: !compact })}
        </pre>
      </section>
    </div>
  );
}
