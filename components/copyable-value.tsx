// A labelled value (a URL, an id) shown in monospace with a copy button.
import { CopyButton } from "./copy-button";

export function CopyableValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2">
        <code className="min-w-0 flex-1 break-all font-mono text-sm text-slate-800">{value}</code>
        <CopyButton value={value} label={label} />
      </dd>
    </div>
  );
}
