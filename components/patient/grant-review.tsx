// One grant, for people — behind its error_uri and in the authorization manager: the generic notice for anyone
// who may not see it, or what happened, then vs now, and the choices as plain form posts to the same page.
import type { GrantReviewView } from "@/lib/patient-pages/grant-review-view";
import { WORDS } from "@/lib/wording/patient-wording";
import { IdentityBlock } from "./identity-block";
import { Notice } from "./notice";
import { card, primaryButton, secondaryButton } from "./portal-frame";

function Choice({ csrf, action, label, className }: { csrf: string; action: string; label: string; className: string }) {
  return (
    <form method="post">
      <input type="hidden" name="csrf" value={csrf} />
      <button type="submit" name="action" value={action} className={`w-full ${className}`}>
        {label}
      </button>
    </form>
  );
}

export function GrantReview({ view, loginHref }: { view: GrantReviewView; loginHref: string }) {
  if (view.kind === "gone") return <Notice title={WORDS.review.gone.title}>{WORDS.review.gone.body}</Notice>;
  if (view.kind === "private") return <PrivateGrantNotice status={view.status} signedIn={view.signedIn} loginHref={loginHref} />;
  const { csrf } = view;
  const reapprove = (
    <Choice key="reapprove" csrf={csrf} action="reapprove" label="Re-approve" className={view.alarming ? secondaryButton : primaryButton} />
  );
  const keepPaused = (
    <Choice
      key="keep-paused"
      csrf={csrf}
      action="keep-paused"
      label="Keep it paused"
      className={view.alarming ? primaryButton : secondaryButton}
    />
  );
  return (
    <div className="space-y-4">
      {view.outcome && (
        <p
          role="status"
          data-testid="review-outcome"
          className="rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 font-medium text-brand-900"
        >
          {view.outcome}
        </p>
      )}
      <section className={card}>
        <h1 className="text-2xl font-bold break-words text-slate-900">{view.title}</h1>
        <p className="mt-2 text-slate-700">{view.lead}</p>
        {view.changes.length > 0 && (
          <>
            <h2 id="what-changed" className="mt-5 font-semibold text-slate-900">
              {WORDS.review.whatChanged}
            </h2>
            <ul aria-labelledby="what-changed" data-testid="what-changed" className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
              {view.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </>
        )}
        {view.alarming && (
          <p
            role="note"
            data-testid="review-caution"
            className="mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 font-medium text-red-900"
          >
            {WORDS.review.caution}
          </p>
        )}
        <div className="mt-5 grid gap-3 sm:grid-cols-2">
          <div>
            <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
              {WORDS.review.whenApproved(view.approvedOn)}
            </h2>
            <IdentityBlock view={view.then} compact />
          </div>
          <div>
            <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">{WORDS.review.now}</h2>
            <IdentityBlock view={view.now} compact />
          </div>
        </div>
        {view.status !== "revoked" && (
          <>
            <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
              {view.status === "suspended" && (view.alarming ? [keepPaused, reapprove] : [reapprove, keepPaused])}
              <Choice csrf={csrf} action="revoke" label="Revoke access" className={`${secondaryButton} text-red-700`} />
            </div>
            {view.status === "suspended" && <p className="mt-3 text-sm text-slate-600">{WORDS.review.afterReapprove}</p>}
          </>
        )}
      </section>
    </div>
  );
}

/** Anyone not signed in as someone who manages the patient: that an app's access changed, and how to review it — no patient, no app, no history. */
function PrivateGrantNotice({ status, signedIn, loginHref }: { status: string; signedIn: boolean; loginHref: string }) {
  const title =
    status === "suspended"
      ? WORDS.privateNotice.pausedTitle
      : status === "revoked"
        ? WORDS.privateNotice.endedTitle
        : WORDS.privateNotice.otherTitle;
  return (
    <section data-testid="grant-notice-private" className={card}>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      {signedIn ? (
        <p className="mt-2 text-slate-700">{WORDS.privateNotice.otherPerson}</p>
      ) : (
        <>
          <p className="mt-2 text-slate-700">{WORDS.privateNotice.signedOut}</p>
          <a href={loginHref} className={`mt-5 inline-block ${primaryButton}`}>
            {WORDS.privateNotice.signIn}
          </a>
        </>
      )}
    </section>
  );
}
