// The patient pages' error page (Pages Router): a readable message, never a stack trace, with a reference that the
// server log carries next to the failure. (Not found has its own page, pages/404.tsx.)
import type { NextPageContext, PageConfig } from "next";
import Head from "next/head";
import Link from "next/link";

export const config: PageConfig = { unstable_runtimeJS: false };

interface Props {
  statusCode: number;
  reference: string | null;
}

export default function PortalError({ statusCode, reference }: Props) {
  return (
    <>
      <Head>
        <title>Something went wrong · SMART Trust Sandbox</title>
      </Head>
      <main className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-4 py-16" data-testid="segment-error">
        <p className="text-sm font-semibold text-red-700">
          {statusCode} · {statusCode >= 500 ? "Server error" : "Request error"}
        </p>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">
          {statusCode >= 500 ? "Something went wrong on our side" : "This page could not be shown"}
        </h1>
        <p className="mt-3 text-slate-700">
          Nothing you did caused this. Try again in a moment; if an app sent you here, go back to the app.
        </p>
        {reference && (
          <p className="mt-3 text-sm text-slate-700">
            Reference (correlation id):{" "}
            <code className="font-mono" data-testid="error-reference">
              {reference}
            </code>
          </p>
        )}
        <p className="mt-6">
          <Link href="/" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Sandbox home
          </Link>
        </p>
      </main>
    </>
  );
}

PortalError.getInitialProps = ({ res, err, asPath }: NextPageContext): Props => {
  const statusCode = res?.statusCode ?? err?.statusCode ?? 500;
  if (!res) return { statusCode, reference: null };
  // One JSON line in the server log, like lib/log/logger.ts's, with the reference the page shows.
  const reference = globalThis.crypto.randomUUID();
  const path = asPath?.split("?")[0];
  console.error(
    JSON.stringify({
      level: statusCode >= 500 ? 50 : 40,
      time: new Date().toISOString(),
      service: "smart-trust-sandbox",
      correlationId: reference,
      path,
      status: statusCode,
      error: err?.message,
      msg: "page failed",
    }),
  );
  return { statusCode, reference };
};
