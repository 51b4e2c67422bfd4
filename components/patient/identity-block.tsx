// The identity block of the consent screen (DESIGN §1.2): a verified app's name, organization and location,
// or "Unknown App" with its domain and a "Why?" disclosure of the trust findings in plain words.
import type { Finding, IdentityBlock as Identity } from "@/lib/trust/types";

export function IdentityBlock({ identity, findings, compact = false }: { identity: Identity; findings: Finding[]; compact?: boolean }) {
  const problems = findings.filter((finding) => finding.severity !== "info");
  const verified = identity.label === "verified";
  return (
    <div className={`rounded-xl border ${verified ? "border-brand-100 bg-brand-50" : "border-amber-200 bg-amber-50"} ${compact ? "p-3" : "p-4"}`} data-testid="identity-block">
      <div className="flex flex-wrap items-center gap-2">
        <p className={`${compact ? "text-base" : "text-lg"} font-semibold text-slate-900`}>{verified ? identity.appName : "Unknown App"}</p>
        {verified && <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-medium text-white">Verified</span>}
        {identity.validated && <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white">Validated</span>}
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {verified && (
          <>
            <dt className="text-slate-600">Organization</dt>
            <dd className="font-medium text-slate-900">{identity.organization}</dd>
            <dt className="text-slate-600">Location</dt>
            <dd className="font-medium text-slate-900">{identity.location}</dd>
          </>
        )}
        <dt className="text-slate-600">Website</dt>
        <dd className="font-medium text-slate-900">{identity.domain}</dd>
      </dl>
      {!verified && problems.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-amber-900">Why?</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
            {problems.map((finding) => (
              <li key={finding.code}>{finding.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
