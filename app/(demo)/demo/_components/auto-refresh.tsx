"use client";
// Refreshes the access token once when the page finds it expired (or the FHIR server said 401), then reloads.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export function AutoRefresh({ refresh }: { refresh: () => Promise<void> }) {
  const router = useRouter();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    refresh().then(() => router.refresh());
  }, [refresh, router]);
  return <p role="status" className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">Renewing access to your health record…</p>;
}
