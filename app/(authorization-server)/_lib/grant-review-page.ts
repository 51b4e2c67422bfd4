// The shared server side of the two pages that show one grant for review (behind its error_uri, and in the
// authorization manager): a posted choice is applied and answered with 303 back to the page with its outcome.
import type { GetServerSidePropsResult } from "next";
import { db } from "@/lib/db/client";
import { grantReviewView, type GrantReviewView } from "@/lib/patient-pages/grant-review-view";
import { applyReviewChoice } from "@/lib/patient-pages/review-choice";
import { loginPath } from "@/lib/patient-session/portal-paths";
import { pageSession, postedForm, query, seeOther, signInFirst, type PageContext } from "./patient-page";

export interface GrantReviewProps {
  tenantId: string;
  signedInAs: string | null;
  view: GrantReviewView;
  loginHref: string;
}

export async function grantReviewPage(
  context: PageContext,
  tenantId: string,
  grantId: string,
  here: string,
): Promise<GetServerSidePropsResult<GrantReviewProps>> {
  const session = await pageSession(context, tenantId);
  const posted = await postedForm(context);
  if (posted.kind !== "none") {
    if (!session) return signInFirst(context, tenantId, here);
    const outcome = posted.kind === "form" ? await applyReviewChoice(db, grantId, session, posted.form) : "expired-form";
    return seeOther(`${here}?result=${outcome}`);
  }
  return {
    props: {
      tenantId,
      signedInAs: session?.person.displayName ?? null,
      view: await grantReviewView(db, grantId, session, query(context, "result")),
      loginHref: loginPath(tenantId, here),
    },
  };
}
