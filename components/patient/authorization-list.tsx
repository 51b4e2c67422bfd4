// The authorization manager's list: per health record, each app as the patient saw it, its status in words
// (past tense when ended), what it can see, and Revoke — which first asks for confirmation.
import type { AuthorizationEntry } from "@/lib/patient-pages/patient-authorizations";
import { identityView } from "@/lib/patient-pages/identity-view";
import { appName, WORDS } from "@/lib/wording/patient-wording";
import { IdentityBlock } from "./identity-block";
import { primaryButton, secondaryButton } from "./portal-frame";
import { StatusBadge } from "./status-badge";

export interface ManagerGroup {
  patient: { id: string; name: string; relationship: string };
  entries: AuthorizationEntry[];
}

interface Props {
  groups: ManagerGroup[];
  confirming: { grantId: string; csrf: string } | null;
  reviewHref: (grantId: string) => string;
}

const small = "px-4 py-2 text-sm";

export function AuthorizationList({ groups, confirming, reviewHref }: Props) {
  return (
    <>
      {groups.map(({ patient, entries }) => (
        <section
          key={patient.id}
          aria-labelledby={`patient-${patient.id}`}
          className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
        >
          <h2 id={`patient-${patient.id}`} className="text-lg font-semibold text-slate-900">
            {patient.name}
            <span className="ml-2 text-sm font-normal text-slate-500">
              {patient.relationship === "self" ? WORDS.manager.yourRecord : WORDS.manager.asRelationship(patient.relationship)}
            </span>
          </h2>
          {entries.length === 0 && <p className="mt-2 text-slate-600">{WORDS.manager.none}</p>}
          <ul className="mt-3 space-y-4">
            {entries.map((entry) => (
              <li
                key={entry.grantId}
                id={`grant-${entry.grantId}`}
                aria-label={entry.label}
                className="rounded-xl border border-slate-200 p-4"
                data-testid="authorization"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold break-words text-slate-900">{entry.displayName}</p>
                  <StatusBadge status={entry.status} endsAtNextUse={entry.status !== "revoked" && entry.statusLine !== null} />
                </div>
                {entry.statusLine && (
                  <p className="mt-1 text-sm font-medium text-slate-800" data-testid="authorization-status">
                    {entry.statusLine}
                  </p>
                )}
                <div className="mt-3">
                  <IdentityBlock view={identityView(entry.identity, entry.registeredName)} compact />
                </div>
                <p className="mt-3 text-sm text-slate-700">
                  <span className="font-medium">{WORDS.manager.canSee}</span> {entry.access.join(", ") || WORDS.manager.identityOnly}
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  Since {entry.since} · last used {entry.lastUsedAt}
                  {entry.status !== "revoked" && ` · ${WORDS.manager.kind[entry.accessKind] ?? entry.accessKind}`}
                </p>
                {entry.status !== "revoked" &&
                  (confirming?.grantId === entry.grantId ? (
                    <ConfirmRevoke
                      entry={entry}
                      csrf={confirming.csrf}
                      whoseRecord={patient.relationship === "self" ? "your" : `${patient.name}'s`}
                    />
                  ) : (
                    <div className="mt-3 flex flex-wrap gap-3">
                      {entry.status === "suspended" && (
                        <a href={reviewHref(entry.grantId)} className={`${primaryButton} ${small}`}>
                          {WORDS.manager.reviewLink}
                        </a>
                      )}
                      <form method="get" action={`#grant-${entry.grantId}`}>
                        <input type="hidden" name="confirm" value={entry.grantId} />
                        <button type="submit" aria-label={`Revoke ${entry.label}`} className={`${secondaryButton} ${small} text-red-700`}>
                          {WORDS.manager.revoke}
                        </button>
                      </form>
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ConfirmRevoke({ entry, csrf, whoseRecord }: { entry: AuthorizationEntry; csrf: string; whoseRecord: string }) {
  return (
    <form method="post" className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3" aria-label={`Confirm revoking ${entry.label}`}>
      <p className="text-sm font-medium text-red-900">
        {WORDS.manager.confirmRevoke(appName(entry.identity, entry.registeredName), whoseRecord)}
      </p>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="grant" value={entry.grantId} />
      <div className="mt-3 flex flex-wrap gap-3">
        <button
          type="submit"
          name="action"
          value="revoke"
          className={`rounded-lg bg-red-700 font-semibold text-white hover:bg-red-800 ${small}`}
        >
          {WORDS.manager.confirm}
        </button>
        <a href="?" className={`${secondaryButton} ${small}`}>
          {WORDS.manager.cancel}
        </a>
      </div>
    </form>
  );
}
