// GET/POST /tenants/{t}/personas/patient/my-authorizations/{grantId} — review one authorization (then vs now).
import type { GetServerSideProps, PageConfig } from "next";
import { db } from "@/lib/db/client";
import { portalPaths } from "@/lib/patient-session/portal-paths";
import { findTenant } from "@/lib/tenancy/tenants";
import { GrantReviewPage } from "@/components/patient/grant-review-page";
import { grantReviewPage, type GrantReviewProps } from "@/app/(authorization-server)/_lib/grant-review-page";
import { pageSession, param, signInFirst, type PageContext } from "@/app/(authorization-server)/_lib/patient-page";

export const config: PageConfig = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<GrantReviewProps> = async (context: PageContext) => {
  const tenantId = param(context, "tenant");
  const grantId = param(context, "grantId");
  if (!(await findTenant(db, tenantId)) || !/^[0-9a-f-]{36}$/.test(grantId)) return { notFound: true };
  const here = portalPaths.review(tenantId, grantId);
  if (context.req.method !== "POST" && !(await pageSession(context, tenantId))) return signInFirst(context, tenantId, here);
  return grantReviewPage(context, tenantId, grantId, here);
};

export default function ReviewAuthorizationPage(props: GrantReviewProps) {
  return <GrantReviewPage title="Review access" {...props} />;
}
