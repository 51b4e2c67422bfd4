// What a page shows while it waits on the database or the network (a live probe, FHIR calls).
export function PageLoading({ what }: { what: string }) {
  return (
    <p role="status" className="mx-auto max-w-xl px-4 py-12 text-slate-600">
      Loading {what}…
    </p>
  );
}
