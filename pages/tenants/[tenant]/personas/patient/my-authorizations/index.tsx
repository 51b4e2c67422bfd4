// GET/POST /tenants/{t}/personas/patient/my-authorizations — the management_endpoint: the apps a person has
// authorized for each health record they manage, ended ones in the past tense. Revoke asks for confirmation
// (?confirm=<grant>) before the form post that revokes.
import type { GetServerSideProps, PageConfig } from "next";
import { db } from "@/lib/db/client";
import { REVIEW_MESSAGES } from "@/lib/wording/patient-wording";
import { patientAuthorizations } from "@/lib/patient-pages/patient-authorizations";
import { formToken } from "@/lib/secrets/form-tokens";
import { reviewFormPurpose } from "@/lib/patient-pages/grant-review-view";
import { applyReviewChoice } from "@/lib/patient-pages/review-choice";
import { portalPaths } from "@/lib/patient-session/portal-paths";
import { findTenant } from "@/lib/tenancy/tenants";
import { ownEntry } from "@/lib/util/own-entry";
import { WORDS } from "@/lib/wording/patient-wording";
import { AuthorizationList, type ManagerGroup } from "@/components/patient/authorization-list";
import { PortalFrame } from "@/components/patient/portal-frame";
import { SignedInAs } from "@/components/patient/signed-in-as";
import {
  pageSession,
  param,
  postedForm,
  query,
  seeOther,
  signInFirst,
  type PageContext,
} from "@/app/(authorization-server)/_lib/patient-page";

export const config: PageConfig = { unstable_runtimeJS: false };

interface Props {
  tenantId: string;
  signedInAs: string;
  outcome: string | null;
  groups: ManagerGroup[];
  confirming: { grantId: string; csrf: string } | null;
}

export const getServerSideProps: GetServerSideProps<Props> = async (context: PageContext) => {
  const tenantId = param(context, "tenant");
  if (!(await findTenant(db, tenantId))) return { notFound: true };
  const here = portalPaths.manager(tenantId);
  const session = await pageSession(context, tenantId);
  if (!session) return signInFirst(context, tenantId, here);

  const posted = await postedForm(context);
  if (posted.kind === "refused") return seeOther(`${here}?result=expired-form`);
  if (posted.kind === "form") {
    const grantId = posted.form.get("grant") ?? "";
    const outcome =
      /^[0-9a-f-]{36}$/.test(grantId) && posted.form.get("action") === "revoke"
        ? await applyReviewChoice(db, grantId, session, posted.form)
        : "expired-form";
    return seeOther(`${here}?result=${outcome}`);
  }

  const groups = await patientAuthorizations(db, session.person.id, tenantId);
  const confirm = query(context, "confirm");
  const confirmable = groups.some((group) => group.entries.some((entry) => entry.grantId === confirm && entry.status !== "revoked"));
  return {
    props: {
      tenantId,
      signedInAs: session.person.displayName,
      outcome: ownEntry(REVIEW_MESSAGES, query(context, "result")) ?? null,
      groups,
      confirming:
        confirm && confirmable ? { grantId: confirm, csrf: await formToken(db, reviewFormPurpose(confirm), session.sessionId) } : null,
    },
  };
};

export default function MyAuthorizationsPage({ tenantId, signedInAs, outcome, groups, confirming }: Props) {
  return (
    <PortalFrame title="My authorizations">
      <div className="space-y-4">
        <SignedInAs tenantId={tenantId} displayName={signedInAs} />
        <h1 className="text-2xl font-bold text-slate-900">{WORDS.manager.title}</h1>
        {outcome && (
          <p
            role="status"
            data-testid="review-outcome"
            className="rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 font-medium text-brand-900"
          >
            {outcome}
          </p>
        )}
        <AuthorizationList groups={groups} confirming={confirming} reviewHref={(grantId) => portalPaths.review(tenantId, grantId)} />
      </div>
    </PortalFrame>
  );
}
