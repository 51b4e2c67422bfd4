import Link from "next/link";
import type { PageConfig } from "next";
import Head from "next/head";

export const config: PageConfig = { unstable_runtimeJS: false };

/** A patient page that failed: a readable message, never a stack trace. */
export default function PortalServerError() {
  return (
    <>
      <Head>
        <title>Something went wrong · SMART Trust Sandbox</title>
      </Head>
      <main className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-4 py-16">
        <p className="text-sm font-semibold text-red-700">500 · Server error</p>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">Something went wrong on our side</h1>
        <p className="mt-3 text-slate-700">
          Nothing you did caused this. Try again in a moment; if an app sent you here, go back to the app.
        </p>
        <p className="mt-6">
          <Link href="/" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Sandbox home
          </Link>
        </p>
      </main>
    </>
  );
}
