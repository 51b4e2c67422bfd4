"use client";
// Re-renders the server page every few seconds while "Live" is on, so the timeline updates by itself.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export function LiveRefresh({ seconds = 3 }: { seconds?: number }) {
  const router = useRouter();
  const [live, setLive] = useState(true);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [live, router, seconds]);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} /> Live
    </label>
  );
}
