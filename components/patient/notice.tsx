// A plain message card for dead ends (expired request, nothing to act on).
export function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold text-slate-900">{title}</h1>
      <div className="mt-2 text-slate-700">{children}</div>
    </section>
  );
}
