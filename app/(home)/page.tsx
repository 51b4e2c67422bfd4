// GET / — what the sandbox is, where to point an app, the test accounts and the surfaces that exist.
import Link from "next/link";
import { CopyableValue } from "@/components/copyable-value";
import { DEFAULT_TENANT, SANDBOX_PASSWORD, SEED_PERSONS } from "@/lib/personas/personas";
import { fhirBaseUrl, smartConfigurationUrl } from "@/lib/tenancy/urls";
import { SURFACES } from "@/lib/tenancy/surfaces";

export const dynamic = "force-dynamic";

export default function LandingPage() {
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6 sm:py-14">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">SMART on FHIR · patient access</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">SMART Trust Sandbox</h1>
        <p className="mt-4 max-w-3xl text-base leading-7 text-slate-700">
          A self-hosted rehearsal of a large EHR vendor&rsquo;s patient-facing SMART on FHIR authorization flow: a mock authorization server
          and FHIR API for the tenant <strong>{DEFAULT_TENANT.name}</strong>, with the vendor&rsquo;s{" "}
          <strong>TLS and DNS trust checks</strong> on your app and the <strong>automatic suspension of refresh tokens</strong> when your
          app&rsquo;s certificate or DNS record changes after the patient said yes. Point your app at the discovery URL below, sign in with
          a test account, then change your app&rsquo;s simulated certificate or DNS record and watch what your users would see.
        </p>
      </header>

      <section aria-labelledby="endpoints" className="mt-10 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="endpoints" className="text-lg font-semibold">
          Point your app here
        </h2>
        <dl className="mt-4 space-y-4">
          <CopyableValue label="FHIR base URL" value={fhirBaseUrl(DEFAULT_TENANT.id)} />
          <CopyableValue label="SMART discovery URL" value={smartConfigurationUrl(DEFAULT_TENANT.id)} />
        </dl>
      </section>

      <section aria-labelledby="accounts" className="mt-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="accounts" className="text-lg font-semibold">
          Test accounts
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every account&rsquo;s password is <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{SANDBOX_PASSWORD}</code>.
          Sandbox only: never reuse it anywhere real.
        </p>
        <ul className="mt-4 divide-y divide-slate-100">
          {SEED_PERSONS.map((person) => (
            <li key={person.username} className="flex flex-col gap-0.5 py-3 sm:flex-row sm:items-baseline sm:gap-4">
              <code className="w-40 shrink-0 font-mono text-sm font-semibold text-slate-900">{person.username}</code>
              <span className="text-sm text-slate-700">
                {person.displayName} — {person.description}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="surfaces" className="mt-8">
        <h2 id="surfaces" className="text-lg font-semibold">
          What is here
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {SURFACES.map((surface) => (
            <li key={surface.href}>
              <Link
                href={surface.href}
                className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 hover:shadow"
              >
                <span className="font-medium text-brand-700">{surface.title}</span>
                <span className="mt-1 block text-sm text-slate-600">{surface.description}</span>
                <code className="mt-2 block break-all font-mono text-xs text-slate-500">{surface.href}</code>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
