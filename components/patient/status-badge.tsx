// Active / Paused / Revoked, in words and colour.
const STYLES: Record<string, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-green-100 text-green-900" },
  suspended: { label: "Paused (suspended)", className: "bg-amber-100 text-amber-900" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-slate-800" },
};

export function StatusBadge({ status, endsAtNextUse = false }: { status: string; endsAtNextUse?: boolean }) {
  const style =
    endsAtNextUse && status !== "revoked"
      ? { label: "Ends at next use", className: "bg-orange-100 text-orange-900" }
      : (STYLES[status] ?? { label: status, className: "bg-slate-100 text-slate-800" });
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${style.className}`}>{style.label}</span>;
}
