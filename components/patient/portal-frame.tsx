// Chrome of the authorization server's pages for patients: a simple, trustworthy portal frame. These pages are
// plain server-rendered HTML forms and ship no JavaScript of their own.
import Head from "next/head";

export function PortalFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · SMART Trust Sandbox`}</title>
      </Head>
      <div className="min-h-screen bg-slate-50">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-2xl items-center justify-between gap-2 px-4 py-3">
            <span className="flex items-center gap-2 font-semibold text-brand-900">
              <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
              Sandbox Health
            </span>
            <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900">
              Sandbox<span className="hidden sm:inline"> — not real health data</span>
            </span>
          </div>
        </header>
        <main className="mx-auto max-w-2xl px-4 py-8">{children}</main>
      </div>
    </>
  );
}

export const card = "rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
export const primaryButton = "rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700";
export const secondaryButton = "rounded-lg border border-slate-300 bg-white px-5 py-2.5 font-semibold text-slate-800 hover:bg-slate-100";
