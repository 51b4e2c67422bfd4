// GET/POST /errors/{urn}/instances/{id} — the page behind an error_uri: what happened, in plain words. A suspended
// or revoked grant's page is private until sign-in: signed out (or signed in as someone who does not manage the
// patient) it says only that an app's access was paused; the person who manages the patient gets the review.
import type { GetServerSideProps, PageConfig } from "next";
import { db } from "@/lib/db/client";
import { explainErrorUrn } from "@/lib/oauth/error-explanations";
import { errorInstanceDetails, findErrorInstance } from "@/lib/oauth/error-instance-details";
import { GRANT_REVOKED_URN, GRANT_SUSPENDED_URN } from "@/lib/oauth/error-uri";
import { Notice } from "@/components/patient/notice";
import { PortalFrame } from "@/components/patient/portal-frame";
import { GrantReviewPage } from "@/components/patient/grant-review-page";
import { grantReviewPage, type GrantReviewProps } from "@/app/(authorization-server)/_lib/grant-review-page";
import { param, type PageContext } from "@/app/(authorization-server)/_lib/patient-page";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props =
  | { kind: "grant"; review: GrantReviewProps }
  | { kind: "explanation"; title: string; body: string; developerDetail: string | null; reference: string; at: string };

/** An error_uri asked for as JSON (QA scripts): the same instance, for assertions instead of people. */
function wantsJson(context: PageContext): boolean {
  const accept = context.req.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** Answers the JSON form here, in this request (a rewrite to another route would be proxied by a standalone server). */
async function answerJson(context: PageContext): Promise<{ props: Props }> {
  const details = await errorInstanceDetails(db, decodeURIComponent(param(context, "urn")), param(context, "id"));
  context.res.statusCode = details ? 200 : 404;
  context.res.setHeader("Content-Type", "application/json");
  context.res.setHeader("Cache-Control", "no-store");
  context.res.end(JSON.stringify(details ?? { error: "not_found", message: "no such error instance" }));
  return { props: { kind: "explanation", title: "", body: "", developerDetail: null, reference: "", at: "" } };
}

export const getServerSideProps: GetServerSideProps<Props> = async (context: PageContext) => {
  if (context.req.method === "GET" && wantsJson(context)) {
    try {
      return await answerJson(context);
    } catch {
      return { notFound: true };
    }
  }
  let urn: string;
  try {
    urn = decodeURIComponent(param(context, "urn"));
  } catch {
    return { notFound: true };
  }
  const id = param(context, "id");
  const instance = await findErrorInstance(db, urn, id);
  if (!instance) return { notFound: true };

  if ((urn === GRANT_SUSPENDED_URN || urn === GRANT_REVOKED_URN) && instance.grantId && instance.tenantId) {
    const result = await grantReviewPage(
      context,
      instance.tenantId,
      instance.grantId,
      `/errors/${encodeURIComponent(urn)}/instances/${id}`,
    );
    return "props" in result ? { props: { kind: "grant", review: await result.props } } : result;
  }
  if (context.req.method === "POST") return { notFound: true };
  const explanation = explainErrorUrn(urn);
  const detail = instance.detail as { description?: string };
  return {
    props: {
      kind: "explanation",
      title: explanation.title,
      body: explanation.body,
      developerDetail: detail.description ?? null,
      reference: instance.id,
      at: instance.createdAt.toISOString(),
    },
  };
};

export default function ErrorInstancePage(props: Props) {
  if (props.kind === "grant") return <GrantReviewPage title="What happened" {...props.review} />;
  return (
    <PortalFrame title="What happened">
      <Notice title={props.title}>
        <p>{props.body}</p>
        {props.developerDetail && (
          <p className="mt-3 text-sm text-slate-600">Details for the app&rsquo;s developer: {props.developerDetail}</p>
        )}
        <p className="mt-4 text-xs text-slate-500">
          Reference {props.reference} · {props.at}
        </p>
      </Notice>
    </PortalFrame>
  );
}
