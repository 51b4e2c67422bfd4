// Chrome of the authorization server's pages for patients: a simple, trustworthy portal frame.
export default function PatientPortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between px-4 py-3">
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
  );
}
