// GET /errors/{urn}/instances/{id} — the page behind an error_uri: what happened, in plain words.
// A suspended or revoked grant gets its own explanation (and, when suspended, the way to review it).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { explainErrorUrn } from "@/lib/oauth/error-explanations";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "@/lib/oauth/error-uri";
import { Notice } from "@/components/patient/notice";
import { GrantReview } from "@/app/(authorization-server)/_components/grant-review";

export const metadata: Metadata = { title: "What happened" };

type Props = { params: Promise<{ urn: string; id: string }>; searchParams: Promise<{ result?: string }> };

export default async function ErrorInstancePage({ params, searchParams }: Props) {
  const { urn: encodedUrn, id } = await params;
  let urn: string;
  try {
    urn = decodeURIComponent(encodedUrn);
  } catch {
    notFound();
  }
  const instance = /^[0-9a-f-]{36}$/.test(id) ? await db.errorInstance.findUnique({ where: { id } }) : null;
  if (!instance || instance.urn !== urn) notFound();

  if ((urn === GRANT_SUSPENDED_URN || urn === GRANT_REVOKED_URN) && instance.grantId && instance.tenantId) {
    return <GrantReview tenantId={instance.tenantId} grantId={instance.grantId} here={`/errors/${encodeURIComponent(urn)}/instances/${id}`} result={(await searchParams).result} />;
  }
  const explanation = explainErrorUrn(urn);
  const detail = instance.detail as { description?: string };
  return (
    <Notice title={explanation.title}>
      <p>{explanation.body}</p>
      {detail.description && <p className="mt-3 text-sm text-slate-600">Details for the app&rsquo;s developer: {detail.description}</p>}
      <p className="mt-4 text-xs text-slate-500">Reference {instance.id} · {instance.createdAt.toISOString()}</p>
    </Notice>
  );
}
