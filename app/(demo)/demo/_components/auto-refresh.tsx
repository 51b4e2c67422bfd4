"use client";
// Refreshes the access token once when the page finds it expired (or the FHIR server said 401); the action
// then reloads the record page.
import { useEffect, useRef } from "react";

export function AutoRefresh({ refresh }: { refresh: () => Promise<void> }) {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void refresh();
  }, [refresh]);
  return (
    <p role="status" className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">
      Renewing access to your health record…
    </p>
  );
}
