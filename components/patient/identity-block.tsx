// The identity block (DESIGN §1.2): a verified app's name, organization and location, or an unverified app named
// by its domain ("calls itself …" only as a footnote) with a "Why?" disclosure of the reasons in plain words.
// Fields that changed since the patient approved are highlighted.
import type { IdentityView } from "@/lib/patient-pages/identity-view";
import { AppName, WORDS } from "@/lib/wording/patient-wording";

const MARK = "rounded bg-yellow-200 px-1 ring-1 ring-yellow-400";

export function IdentityBlock({ view, compact = false }: { view: IdentityView; compact?: boolean }) {
  const { identity, registeredName, reasons, changed } = view;
  const verified = identity.label === "verified";
  const mark = (field: IdentityView["changed"][number]) => (changed.includes(field) ? MARK : "");
  return (
    <div
      className={`rounded-xl border ${verified ? "border-brand-100 bg-brand-50" : "border-amber-200 bg-amber-50"} ${compact ? "p-3" : "p-4"}`}
      data-testid="identity-block"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className={`${compact ? "text-base" : "text-lg"} break-words font-semibold text-slate-900 ${mark("name") || mark("label")}`}>
          {AppName(identity, registeredName)}
        </p>
        {verified ? (
          <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-medium text-white">{WORDS.identity.verifiedBadge}</span>
        ) : (
          <span className="rounded-full bg-amber-700 px-2 py-0.5 text-xs font-medium text-white">{WORDS.identity.unknownBadge}</span>
        )}
        {identity.validated && (
          <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white">{WORDS.identity.validatedBadge}</span>
        )}
      </div>
      {!verified && <p className="mt-1 text-sm text-slate-700">{WORDS.consent.calledItself(registeredName)}</p>}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {verified && (
          <>
            <dt className="text-slate-600">{WORDS.identity.organization}</dt>
            <dd className={`break-words font-medium text-slate-900 ${mark("organization")}`}>{identity.organization}</dd>
            <dt className="text-slate-600">{WORDS.identity.location}</dt>
            <dd className={`font-medium text-slate-900 ${mark("location")}`}>{identity.location}</dd>
          </>
        )}
        <dt className="text-slate-600">{WORDS.identity.website}</dt>
        <dd className={`break-all font-medium text-slate-900 ${mark("domain")}`}>{identity.domain}</dd>
      </dl>
      {!verified && reasons.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-amber-900">{WORDS.identity.why}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
