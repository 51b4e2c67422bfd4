"use client";
// The "Check my app" form and its report: the identity block exactly as a patient would see it, what to fix, and
// the facts with their sources.
import { useActionState } from "react";
import { inputClass } from "@/components/console/form-field";
import { IdentityBlock } from "@/components/patient/identity-block";
import { identityView } from "@/lib/patient-pages/identity-view";
import type { CheckState } from "./actions";

const SEVERITY: Record<string, string> = {
  error: "border-red-200 bg-red-50 text-red-900",
  warning: "border-amber-200 bg-amber-50 text-amber-950",
  info: "border-slate-200 bg-slate-50 text-slate-800",
};

export function CheckForm({
  action,
  apps,
}: {
  action: (state: CheckState, form: FormData) => Promise<CheckState>;
  apps: { id: string; name: string; redirectUri: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const report = state.report;
  return (
    <div className="space-y-6">
      <form action={formAction} className="grid gap-3 rounded-xl bg-white p-5 shadow-sm md:grid-cols-[2fr_1fr_auto] md:items-end">
        <label className="block text-sm font-medium">
          Redirect URI (https)
          <input
            name="redirect_uri"
            defaultValue={state.values?.redirect_uri}
            placeholder="https://app.example-health.com/callback"
            className={inputClass}
            list="registered-redirects"
            required
          />
        </label>
        <label className="block text-sm font-medium">
          Client id
          <input
            name="client_id"
            defaultValue={state.values?.client_id}
            placeholder="your client_id"
            className={inputClass}
            list="registered-apps"
            required
          />
        </label>
        <button disabled={pending} className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? "Checking…" : "Check my app"}
        </button>
        <datalist id="registered-redirects">
          {apps.map((app) => (
            <option key={app.id} value={app.redirectUri}>
              {app.name}
            </option>
          ))}
        </datalist>
        <datalist id="registered-apps">
          {apps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </datalist>
      </form>
      {state.error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          {state.error}
        </p>
      )}
      {report && (
        <div className="grid gap-6 lg:grid-cols-2" data-testid="readiness-report">
          <section aria-labelledby="patient-would-see" className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
            <h2 id="patient-would-see" className="text-lg font-semibold">
              What patients would see
            </h2>
            <IdentityBlock view={identityView(report.patient_sees, report.client_name ?? report.client_id)} />
            <p className={`font-medium ${report.ready ? "text-green-800" : "text-amber-900"}`}>
              {report.ready ? "Ready: patients see your verified identity." : "Not ready: patients would see “Unknown App”."}
            </p>
            <h3 className="pt-2 font-semibold">What to fix</h3>
            <ul className="space-y-2">
              {report.findings.map((finding) => (
                <li key={finding.code} className={`rounded-lg border px-3 py-2 text-sm ${SEVERITY[finding.severity] ?? SEVERITY.info}`}>
                  <p>{finding.message}</p>
                  {finding.fix && <p className="mt-1 font-medium">Fix: {finding.fix}</p>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="facts" className="space-y-2 rounded-xl bg-white p-5 text-sm shadow-sm">
            <h2 id="facts" className="text-lg font-semibold">
              Facts and where they came from
            </h2>
            <p>
              <span className="font-medium">Host:</span> {report.sources.hostname} {report.sources.address && `(${report.sources.address})`}{" "}
              · checked {report.checked_at} (sandbox time)
            </p>
            <p>
              <span className="font-medium">TLS versions accepted</span> (one handshake per version):{" "}
              {report.sources.tls_versions.join(", ") || "none"}
            </p>
            <p className="font-medium">Certificate chain presented by the server</p>
            <ol className="list-decimal space-y-1 pl-5">
              {report.sources.certificate_chain.map((certificate) => (
                <li key={certificate.fingerprint_sha256} className="break-words">
                  {certificate.subject} {certificate.organization && `· ${certificate.organization}`} · {certificate.type} · issued by{" "}
                  {certificate.issuer} · until {certificate.not_after.slice(0, 10)}
                </li>
              ))}
            </ol>
            <p>
              <span className="font-medium">TXT records at {report.sources.txt_records.domain}</span> (DNS):{" "}
              {report.sources.txt_records.records.join(" | ") || "none"}
            </p>
            <p>
              <span className="font-medium">Stapled OCSP response</span> (TLS handshake):{" "}
              {report.sources.ocsp_staple === "not-stapled" ? "none stapled" : report.sources.ocsp_staple}
            </p>
          </section>
        </div>
      )}
    </div>
  );
}
