// GET /tenants/{t}/personas/patient/my-authorizations — the management_endpoint: the apps a person has
// authorized for each health record they manage, with status and Revoke / Review and re-approve.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { patientAuthorizations } from "@/lib/oauth/patient-authorizations";
import { REVIEW_MESSAGES } from "@/lib/oauth/grant-review";
import { findTenant } from "@/lib/tenancy/tenants";
import { longDate } from "@/lib/trust/plain-words";
import { IdentityBlock } from "@/components/patient/identity-block";
import { SignedInAs } from "@/components/patient/signed-in-as";
import { StatusBadge } from "@/components/patient/status-badge";
import { currentPatientSession, loginPath } from "@/app/(authorization-server)/_lib/patient-session";
import { revokeAction } from "@/app/(authorization-server)/_lib/review-actions";
import { ownEntry } from "@/lib/util/own-entry";

export const metadata: Metadata = { title: "My authorizations" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ result?: string }> };

export default async function MyAuthorizationsPage({ params, searchParams }: Props) {
  const { tenant: tenantId } = await params;
  if (!(await findTenant(db, tenantId))) notFound();
  const here = `/tenants/${tenantId}/personas/patient/my-authorizations`;
  const session = await currentPatientSession(tenantId);
  if (!session) redirect(loginPath(tenantId, here));
  const { result } = await searchParams;
  const outcome = ownEntry(REVIEW_MESSAGES, result) ?? null;
  const groups = await patientAuthorizations(db, session.person.id);

  return (
    <div className="space-y-4">
      <SignedInAs tenantId={tenantId} displayName={session.person.displayName} />
      <h1 className="text-2xl font-bold text-slate-900">Apps with access to your health records</h1>
      {outcome && <p role="status" data-testid="review-outcome" className="rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 font-medium text-brand-900">{outcome}</p>}
      {groups.map(({ patient, entries }) => (
        <section key={patient.id} aria-labelledby={`patient-${patient.id}`} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id={`patient-${patient.id}`} className="text-lg font-semibold text-slate-900">
            {patient.givenName} {patient.familyName}
            <span className="ml-2 text-sm font-normal text-slate-500">{patient.relationship === "self" ? "your record" : `as ${patient.relationship}`}</span>
          </h2>
          {entries.length === 0 && <p className="mt-2 text-slate-600">No apps have access to this record.</p>}
          <ul className="mt-3 space-y-4">
            {entries.map((entry) => (
              <li key={entry.grantId} aria-label={entry.label} className="rounded-xl border border-slate-200 p-4" data-testid="authorization">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold text-slate-900">{entry.clientName}</p>
                  <StatusBadge status={entry.status} />
                </div>
                <div className="mt-3">
                  <IdentityBlock identity={entry.identity} findings={[]} compact />
                </div>
                <p className="mt-3 text-sm text-slate-700">
                  <span className="font-medium">Can see:</span> {entry.access.join(", ") || "your identity only"}
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  Since {longDate(entry.since)} · last used {longDate(entry.lastUsedAt)} · {entry.accessKind === "offline" ? "until you revoke it" : entry.accessKind === "online" ? "while you are signed in" : "short-lived"}
                </p>
                {entry.status !== "revoked" && (
                  <div className="mt-3 flex flex-wrap gap-3">
                    {entry.status === "suspended" && (
                      <Link href={`${here}/${entry.grantId}`} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
                        Review and re-approve
                      </Link>
                    )}
                    <form action={revokeAction.bind(null, tenantId, entry.grantId, here)}>
                      <button type="submit" aria-label={`Revoke ${entry.label}`} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-red-700 hover:bg-slate-100">
                        Revoke
                      </button>
                    </form>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
