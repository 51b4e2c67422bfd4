// The page around one grant's review: who is signed in, then the review (or the private notice).
import type { GrantReviewView } from "@/lib/patient-pages/grant-review-view";
import { GrantReview } from "./grant-review";
import { PortalFrame } from "./portal-frame";
import { SignedInAs } from "./signed-in-as";

export function GrantReviewPage({
  title,
  tenantId,
  signedInAs,
  view,
  loginHref,
}: {
  title: string;
  tenantId: string;
  signedInAs: string | null;
  view: GrantReviewView;
  loginHref: string;
}) {
  return (
    <PortalFrame title={title}>
      <div className="space-y-4">
        {signedInAs && <SignedInAs tenantId={tenantId} displayName={signedInAs} />}
        <GrantReview view={view} loginHref={loginHref} />
      </div>
    </PortalFrame>
  );
}
