// One grant, for people — behind its error_uri and in the authorization manager: what happened and, when suspended, the review
// (then vs now, Re-approve / Keep it paused / Revoke) for a signed-in person who manages the patient.
import Link from "next/link";
import { db } from "@/lib/db/client";
import { grantStory } from "@/lib/oauth/grant-story";
import { mayReview, REVIEW_MESSAGES } from "@/lib/oauth/grant-review";
import { longDate } from "@/lib/trust/plain-words";
import { IdentityBlock } from "@/components/patient/identity-block";
import { Notice } from "@/components/patient/notice";
import { ReviewButtons } from "@/components/patient/review-buttons";
import { SignedInAs } from "@/components/patient/signed-in-as";
import { currentPatientSession, loginPath } from "@/app/(authorization-server)/_lib/patient-session";
import { keepPausedAction, reapproveAction, revokeAction } from "@/app/(authorization-server)/_lib/review-actions";
import { ownEntry } from "@/lib/util/own-entry";

interface Props {
  tenantId: string;
  grantId: string;
  here: string;
  result?: string;
}

export async function GrantReview({ tenantId, grantId, here, result }: Props) {
  const story = await grantStory(db, grantId);
  if (!story) return <Notice title="This access no longer exists">Go back to the app and connect again.</Notice>;
  const session = await currentPatientSession(tenantId);
  const canAct = session ? await mayReview(db, grantId, session.person.id) : false;
  const { grant } = story;
  const outcome = ownEntry(REVIEW_MESSAGES, result) ?? null;

  if (!canAct) return <PrivateGrantNotice status={grant.status} signedIn={session?.person.displayName ?? null} tenantId={tenantId} here={here} />;

  return (
    <div className="space-y-4">
      <SignedInAs tenantId={tenantId} displayName={session!.person.displayName} />
      {outcome && (
        <p role="status" data-testid="review-outcome" className="rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 font-medium text-brand-900">
          {outcome}
        </p>
      )}
      <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {grant.status === "suspended" && (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Access for {story.clientName} was paused</h1>
            <p className="mt-2 text-slate-700">
              Access for {story.clientName} to {story.patient.name}&rsquo;s health record was paused because its security information changed since you approved it on{" "}
              {longDate(grant.approvedAt)}.
            </p>
            {story.changes.length > 0 && (
              <>
                <h2 id="what-changed" className="mt-5 font-semibold text-slate-900">
                  What changed
                </h2>
                <ul aria-labelledby="what-changed" data-testid="what-changed" className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                  {story.changes.map((change) => (
                    <li key={change.code}>{change.sentence}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {grant.status === "revoked" && (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Access for {story.clientName} has ended</h1>
            <p className="mt-2 text-slate-700">The app&rsquo;s access to {story.patient.name}&rsquo;s health record was revoked ({grant.revokedReason ?? "no reason recorded"}). To use the app again, connect it again from the app.</p>
          </>
        )}
        {grant.status === "active" && (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Access for {story.clientName} is active</h1>
            <p className="mt-2 text-slate-700">You can close this tab and go back to the app.</p>
          </>
        )}
        <div className="mt-5 grid gap-3 sm:grid-cols-2">
          <div>
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">When you approved ({longDate(grant.approvedAt)})</h2>
            <IdentityBlock identity={story.then} findings={[]} compact />
          </div>
          <div>
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Now</h2>
            {/* While suspended, "What changed" above is the one list of reasons; the block does not repeat them. */}
            <IdentityBlock identity={story.now} findings={grant.status === "suspended" && story.changes.length > 0 ? [] : story.nowFindings} compact />
          </div>
        </div>
        {grant.status !== "revoked" && (
          <>
            <ReviewButtons
              status={grant.status}
              reapprove={reapproveAction.bind(null, tenantId, grantId, here)}
              keepPaused={keepPausedAction.bind(null, tenantId, grantId, here)}
              revoke={revokeAction.bind(null, tenantId, grantId, here)}
            />
            {grant.status === "suspended" && <p className="mt-3 text-sm text-slate-600">After you re-approve, you can close this tab and go back to the app; it will not be sent anywhere.</p>}
          </>
        )}
      </section>
    </div>
  );
}

/**
 * What anyone who is not signed in as someone managing the patient sees: that an app's access was paused or
 * ended, and how to review it — no patient name, no app, no history, no changes.
 */
function PrivateGrantNotice({ status, signedIn, tenantId, here }: { status: string; signedIn: string | null; tenantId: string; here: string }) {
  const title = status === "suspended" ? "An app\u2019s access to a health record was paused" : status === "revoked" ? "An app\u2019s access to a health record has ended" : "An app\u2019s access to a health record";
  return (
    <div className="space-y-4">
      {signedIn && <SignedInAs tenantId={tenantId} displayName={signedIn} />}
      <section data-testid="grant-notice-private" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {signedIn ? (
          <p className="mt-2 text-slate-700">Your account does not manage this health record, so you cannot see or change this access. Sign out and sign in as the person who manages it.</p>
        ) : (
          <>
            <p className="mt-2 text-slate-700">To see what happened and decide what to do, sign in as the person who manages this health record.</p>
            <Link href={loginPath(tenantId, here)} className="mt-5 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
              Sign in to review
            </Link>
          </>
        )}
      </section>
    </div>
  );
}
