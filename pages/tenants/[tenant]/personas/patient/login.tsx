// GET/POST /tenants/{t}/personas/patient/login?next=… — patient sign-in, naming the app that asks. A plain form
// post back to this page: errors come back in place, success sets the session cookie and answers 303 to `next`.
import { requestingClientId } from "@/lib/oauth/authorize/authorization-requests";
import type { GetServerSideProps, PageConfig } from "next";
import { db } from "@/lib/db/client";
import { askingAppName } from "@/lib/patient-pages/consent-step";
import { attemptSignIn } from "@/lib/patient-pages/sign-in-form";
import { requestIdInNext, safeNextPath } from "@/lib/patient-session/portal-paths";
import { SANDBOX_PASSWORD, SEED_PERSONS } from "@/lib/personas/personas";
import { findTenant } from "@/lib/tenancy/tenants";
import { WORDS } from "@/lib/wording/patient-wording";
import { LoginForm, type LoginFormState } from "@/components/patient/login-form";
import { card, PortalFrame } from "@/components/patient/portal-frame";
import { param, postedForm, query, seeOther, setSessionCookie, type PageContext } from "@/app/(authorization-server)/_lib/patient-page";

export const config: PageConfig = { unstable_runtimeJS: false };

interface Props {
  organization: string;
  asking: string | null;
  state: LoginFormState;
  accounts: { username: string; description: string }[];
  password: string;
}

const blank: LoginFormState = { message: null, fieldErrors: {}, username: "", password: "" };

export const getServerSideProps: GetServerSideProps<Props> = async (context: PageContext) => {
  const tenantId = param(context, "tenant");
  const tenant = await findTenant(db, tenantId);
  if (!tenant) return { notFound: true };
  const next = query(context, "next") ?? "";
  const requestId = requestIdInNext(tenantId, next);
  const clientId = requestId ? await requestingClientId(db, tenantId, requestId) : null;
  const asking = clientId ? await askingAppName(db, clientId) : null;
  const props = {
    organization: tenant.name,
    asking,
    accounts: SEED_PERSONS.map(({ username, description }) => ({ username, description })),
    password: SANDBOX_PASSWORD,
  };

  const posted = await postedForm(context);
  if (posted.kind === "refused") {
    context.res.statusCode = posted.status;
    return { props: { ...props, state: { ...blank, message: posted.status === 403 ? WORDS.login.crossSite : WORDS.login.unreadable } } };
  }
  if (posted.kind === "none") return { props: { ...props, state: blank } };
  const fill = posted.form.get("fill");
  if (fill !== null) return { props: { ...props, state: { ...blank, username: fill.slice(0, 100), password: SANDBOX_PASSWORD } } };
  const attempt = await attemptSignIn(db, tenantId, posted.form);
  if (attempt.ok) {
    setSessionCookie(context, attempt.cookieValue);
    return seeOther(safeNextPath(tenantId, next));
  }
  context.res.statusCode = attempt.status;
  return {
    props: { ...props, state: { message: attempt.message, fieldErrors: attempt.fieldErrors, username: attempt.username, password: "" } },
  };
};

export default function LoginPage({ organization, asking, state, accounts, password }: Props) {
  return (
    <PortalFrame title="Sign in">
      <section className={card}>
        <h1 className="text-2xl font-bold text-slate-900">{WORDS.login.title(organization)}</h1>
        {asking && (
          <p className="mt-2 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="app-asking">
            {WORDS.login.appAsking(asking)}
          </p>
        )}
        <p className="mt-2 mb-6 text-slate-600">{WORDS.login.lead}</p>
        <LoginForm state={state} accounts={accounts} password={password} />
      </section>
    </PortalFrame>
  );
}
