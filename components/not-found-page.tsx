// The sandbox's "page not found", for every unknown URL (App Router and patient portal alike).
import Link from "next/link";

export function NotFoundPage() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-4 py-16">
      <p className="text-sm font-semibold text-brand-700">404 · Not found</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">We could not find this page</h1>
      <p className="mt-3 text-slate-700">
        The link may be mistyped or out of date. If an app sent you here, go back to the app and try again.
      </p>
      <p className="mt-6 flex flex-wrap gap-4">
        <Link href="/" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Sandbox home
        </Link>
        <Link
          href="/demo"
          className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
        >
          Demo app
        </Link>
      </p>
    </main>
  );
}
