// GET /tenants/{t}/personas/patient/my-authorizations/{grantId} — review one authorization (then vs now).
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { findTenant } from "@/lib/tenancy/tenants";
import { currentPatientSession, loginPath } from "@/app/(authorization-server)/_lib/patient-session";
import { GrantReview } from "@/app/(authorization-server)/_components/grant-review";

export const metadata: Metadata = { title: "Review access" };

export default async function ReviewAuthorizationPage({ params, searchParams }: { params: Promise<{ tenant: string; grantId: string }>; searchParams: Promise<{ result?: string }> }) {
  const { tenant: tenantId, grantId } = await params;
  if (!(await findTenant(db, tenantId)) || !/^[0-9a-f-]{36}$/.test(grantId)) notFound();
  const here = `/tenants/${tenantId}/personas/patient/my-authorizations/${grantId}`;
  if (!(await currentPatientSession(tenantId))) redirect(loginPath(tenantId, here));
  return <GrantReview tenantId={tenantId} grantId={grantId} here={here} result={(await searchParams).result} />;
}
