// GET /console/apps/{clientId} — configuration for the developer's app, what the patient sees, its trust source and
// the trust lab.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { appDetails } from "@/lib/apps/app-details";
import { predictScenarios } from "@/lib/console/scenario-predictions";
import { fhirBaseUrl, smartConfigurationUrl } from "@/lib/tenancy/urls";
import { evaluateTrust, evaluateWorld } from "@/lib/trust/evaluate-trust";
import { loadHost } from "@/lib/trust/simulated-host";
import { trustHostSentence } from "@/lib/trust/trust-hostname";
import { compareSnapshots } from "@/lib/trust/snapshot";
import { tlsVersionList } from "@/lib/trust/plain-words";
import { CopyableValue } from "@/components/copyable-value";
import { IdentityBlock } from "@/components/patient/identity-block";
import { identityView } from "@/lib/patient-pages/identity-view";
import { CertificateChain } from "@/components/console/certificate-chain";
import { readSettings } from "@/lib/settings/tenant-settings";
import { liveModeProblem } from "@/lib/trust/trust-source";
import { applyScenarioAction, editAppAction, editWorldAction, setTrustSourceAction } from "./actions";
import { AppEditForm, WorldEditForm } from "./edit-forms";

export const metadata: Metadata = { title: "App" };
export const dynamic = "force-dynamic";

const card = "rounded-xl bg-white p-5 shadow-sm";
const SEVERITY = { error: "text-red-800 bg-red-50", warning: "text-amber-900 bg-amber-50", info: "text-slate-700 bg-slate-50" };

function noticeText(notice: string, suspends: number): string {
  const paused = `${suspends} active grant${suspends === 1 ? "" : "s"} will be paused at ${suspends === 1 ? "its" : "their"} next refresh.`;
  if (notice === "not-applicable") return "That scenario does not apply to the current certificate; restore the baseline first.";
  if (notice === "live-mode")
    return "This app is in live mode: scenarios and custom edits change its simulated server, which its checks do not look at. Switch back to the simulated world first.";
  if (notice === "source-live") return `Checks now look at the app's real server. ${paused}`;
  if (notice === "source-simulated") return `Checks now use the simulated world again. ${paused}`;
  if (notice === "source-refused") return "The trust source was not changed.";
  return `Applied ${notice.replace(/^applied-/, "")}.`;
}

export default async function AppPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<{ notice?: string; suspends?: string }>;
}) {
  const { clientId } = await params;
  const { notice, suspends } = await searchParams;
  const client = await appDetails(db, clientId);
  if (!client) notFound();
  const host = await loadHost(db, clientId);
  const live = host.trustSource === "live";
  const current = await evaluateTrust(db, clientId, { mode: "inspect" });
  const baseline = await evaluateWorld(db, host, host.baseline, new Date(current.checkedAt));
  const diff = live ? [] : compareSnapshots(baseline.snapshot, current.snapshot, "strict", clientId);
  const { predictions, activeGrants, policy } = live
    ? { predictions: [], activeGrants: 0, policy: "" }
    : await predictScenarios(db, clientId);
  const liveProblem = liveModeProblem(host.redirectUri);
  const settings = await readSettings(db, client.tenantId);
  const redirectUris = client.redirectUris as string[];

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">App</p>
        <h1 className="text-2xl font-bold">{client.clientName}</h1>
        <p className="font-mono text-xs text-slate-600">{client.id}</p>
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="configure" className={card}>
          <h2 id="configure" className="text-lg font-semibold">
            Configure your app
          </h2>
          <dl className="mt-3 space-y-3">
            <CopyableValue label="FHIR base URL" value={fhirBaseUrl(client.tenantId)} />
            <CopyableValue label="SMART discovery URL" value={smartConfigurationUrl(client.tenantId)} />
            <CopyableValue label="Client id" value={client.id} />
            <CopyableValue label="Suggested scopes" value={client.scope} />
            <CopyableValue label="Redirect URIs" value={redirectUris.join(" ")} />
          </dl>
          <p className="mt-3 text-xs text-slate-500">
            Client type: {client.tokenEndpointAuthMethod === "none" ? "public (PKCE S256)" : client.tokenEndpointAuthMethod}.{" "}
          </p>
          <p className="mt-1 text-xs text-slate-600" data-testid="trust-host-source">
            {trustHostSentence(client, host.hostname)}
          </p>
        </section>
        <section aria-labelledby="patient-sees" className={card}>
          <h2 id="patient-sees" className="text-lg font-semibold">
            What the patient sees
          </h2>
          <div className="mt-3">
            <IdentityBlock view={identityView(current.verdict.identity, client.clientName, current.findings)} />
          </div>
          <h3 className="mt-5 text-sm font-semibold">Edit the app</h3>
          <div className="mt-2">
            <AppEditForm action={editAppAction.bind(null, clientId)} clientName={client.clientName} validated={client.validated} />
          </div>
        </section>
      </div>

      <section id="trust-lab" aria-labelledby="trust-lab-heading" className={card}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="trust-lab-heading" className="text-lg font-semibold">
            Trust lab
          </h2>
          <span
            className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${current.verdict.label === "verified" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
          >
            verdict: {current.verdict.label}
          </span>
        </div>
        {notice && (
          <p role="status" className="mt-3 rounded-lg bg-slate-900 px-3 py-2 text-sm text-white">
            {noticeText(notice, Number(suspends) || 0)}
          </p>
        )}
        <div className="mt-4 rounded-lg border border-slate-200 p-3 text-sm" data-testid="trust-source">
          <h3 className="font-semibold">Trust source: {live ? "live (the app's real server)" : "simulated"}</h3>
          {live ? (
            <p className="mt-1 text-slate-700">
              Consent, code exchange and refresh probe <span className="font-mono">{host.redirectUri}</span>
              {current.checkedAt ? ` (last looked at ${new Date(current.checkedAt).toUTCString()})` : ""}, so a renewal on your server is
              what the checks see. Scenarios and custom edits are off: they change the simulated server only.
            </p>
          ) : (
            <p className="mt-1 text-slate-700">The checks look at this app&apos;s simulated server, changed by the scenarios below.</p>
          )}
          {liveProblem && !live ? (
            <p className="mt-2 text-slate-600">Live checks are not available: {liveProblem}.</p>
          ) : (
            <form action={setTrustSourceAction.bind(null, clientId)} className="mt-2 space-y-2">
              <input type="hidden" name="source" value={live ? "simulated" : "live"} />
              <p className="rounded bg-amber-50 px-2 py-1 text-amber-900" role="note">
                Switching is itself a change: every active grant is compared with what the {live ? "simulated" : "real"} server shows at its
                next refresh, and paused under the <strong>{settings.suspensionPolicy}</strong> policy when it differs — the console says
                how many right after the switch.
              </p>
              <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 font-semibold hover:bg-slate-100">
                {live ? "Use the simulated world" : "Check the real server (live)"}
              </button>
            </form>
          )}
        </div>
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <h3 className="text-sm font-semibold">Certificate chain {current.facts.reachable ? "" : "(host unreachable)"}</h3>
            {current.facts.certificate ? (
              <CertificateChain chain={current.facts.certificate.chain} />
            ) : (
              <p className="mt-1 text-sm text-slate-600">No certificate: nothing answers on port 443.</p>
            )}
          </div>
          <div className="space-y-3 text-sm">
            <p>
              <span className="font-semibold">TLS versions:</span> {tlsVersionList(current.facts.tls.versions)}
            </p>
            <div>
              <p className="font-semibold">TXT records at {current.facts.dns.registrableDomain}</p>
              <ul className="mt-1 space-y-0.5 font-mono text-xs">
                {current.facts.dns.txtRecords.length ? (
                  current.facts.dns.txtRecords.map((record) => <li key={record}>{record}</li>)
                ) : (
                  <li className="font-sans text-slate-500">none</li>
                )}
              </ul>
            </div>
          </div>
        </div>
        <h3 className="mt-5 text-sm font-semibold">Findings</h3>
        <ul className="mt-2 space-y-1 text-sm">
          {current.findings.map((finding) => (
            <li key={finding.code} className={`rounded px-2 py-1 ${SEVERITY[finding.severity]}`}>
              <span className="font-mono text-xs">{finding.code}</span> — {finding.message}
            </li>
          ))}
        </ul>
        {!live && (
          <>
            <h3 className="mt-5 text-sm font-semibold">Baseline vs current</h3>
            {diff.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">The world is as the app was registered.</p>
            ) : (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {diff.map((change) => (
                  <li key={change.code}>
                    {change.sentence} <span className="text-xs text-slate-500">({change.kind})</span>
                  </li>
                ))}
              </ul>
            )}

            <h3 className="mt-6 text-sm font-semibold">Scenarios</h3>
            <p className="mt-1 text-xs text-slate-600">
              Policy <strong>{policy}</strong>; {activeGrants} active grant(s) checked at refresh.
            </p>
            <ul className="mt-3 grid gap-3 md:grid-cols-2">
              {predictions.map((prediction) => (
                <li key={prediction.name} className="flex flex-col justify-between gap-2 rounded-lg border border-slate-200 p-3">
                  <div>
                    <p className="font-mono text-sm font-semibold">{prediction.name}</p>
                    <p className="text-sm text-slate-700">{prediction.description}</p>
                    <p className="mt-1 text-xs text-slate-600" data-testid={`prediction-${prediction.name}`}>
                      {prediction.applicable
                        ? `This will suspend ${prediction.wouldSuspend} active offline grant${prediction.wouldSuspend === 1 ? "" : "s"} at their next refresh under the current policy.`
                        : "Not applicable to the current certificate."}
                    </p>
                  </div>
                  <form action={applyScenarioAction.bind(null, clientId)}>
                    <input type="hidden" name="scenario" value={prediction.name} />
                    <button
                      type="submit"
                      disabled={!prediction.applicable}
                      aria-label={`Apply ${prediction.name}`}
                      className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 disabled:opacity-50"
                    >
                      Apply
                    </button>
                  </form>
                </li>
              ))}
            </ul>

            <h3 className="mt-6 text-sm font-semibold">Custom edit</h3>
            <div className="mt-2">
              <WorldEditForm action={editWorldAction.bind(null, clientId)} txtRecords={current.facts.dns.txtRecords} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
