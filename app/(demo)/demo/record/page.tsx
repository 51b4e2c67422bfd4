// GET /demo/record — the patient's record: banner, vital-signs charts, medications, allergies, conditions,
// immunizations, and the Connection panel; or the suspended/revoked, renewing or retry states.
import type { CodeableConcept } from "fhir/r4";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/demo-app/auth";
import { loadRecord, patientName, series, type SectionData } from "@/demo-app/fhir-client";
import { SECTIONS, type Section } from "@/demo-app/granted-sections";
import { heldTokens } from "@/demo-app/held-tokens";
import { accessTokenExpiring, refreshedJustNow } from "@/demo-app/token-refresh";
import { connectAction, refreshAction as refreshNow, refreshInView, stopAction } from "../actions";
import { AccessProblem } from "../_components/access-problem";
import { AutoRefresh } from "../_components/auto-refresh";
import { ConnectionPanel } from "../_components/connection-panel";
import { VitalsChart } from "../_components/vitals-chart";

export const metadata: Metadata = { title: "Your record" };
export const dynamic = "force-dynamic";

const text = (concept: CodeableConcept | undefined) => concept?.text ?? concept?.coding?.[0]?.display ?? "—";

/** A part of the record the patient chose not to share: say so, and offer a new authorization to change it. */
function NotShared({ noun, id }: { noun: string; id: string }) {
  return (
    <div className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid={`not-shared-${id}`}>
      <p>You chose not to share your {noun} with MyHealth.</p>
      <form action={connectAction} className="mt-1">
        <button className="font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900">Change this</button>
      </form>
    </div>
  );
}

type Item = { key: string; primary: string; secondary?: string };
/** A section's entries as list items, keyed by resource id (or position, for a resource without one). */
const itemsOf = <S extends Section>(
  data: SectionData<S>,
  item: (resource: Exclude<SectionData<S>, "not-shared">[number]) => Omit<Item, "key">,
): Item[] | "not-shared" =>
  data === "not-shared" ? data : data.map((resource, index) => ({ key: resource.id ?? String(index), ...item(resource) }));

function List({ title, section, items }: { title: string; section: Section; items: Item[] | "not-shared" }) {
  return (
    <section aria-labelledby={`list-${section}`} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={`list-${section}`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {items === "not-shared" ? (
        <NotShared noun={SECTIONS[section].noun} id={section} />
      ) : items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">None recorded.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {items.map((item) => (
            <li key={item.key} className="py-1.5">
              <span className="text-slate-900">{item.primary}</span>
              {item.secondary && <span className="block text-xs text-slate-500">{item.secondary}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * What a naively built app does with the same invalid_grant (the presenter's comparison, `?view=naive`): a generic
 * message and a fresh log-in — no word on why, no link to the portal, no way to re-approve.
 */
function NaiveFailure() {
  return (
    <div role="alert" data-testid="naive-failure" className="rounded-xl border border-slate-300 bg-white p-6 text-center shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">A naively built app</p>
      <h1 className="mt-2 text-xl font-bold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-slate-700">You have been logged out. Please log in again.</p>
      <form action={connectAction} className="mt-4">
        <button className="rounded-lg bg-slate-700 px-4 py-2 font-semibold text-white">Log in</button>
      </form>
    </div>
  );
}

export default async function RecordPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const naive = (await searchParams).view === "naive";
  const session = await auth();
  const tokens = await heldTokens();
  if (!session?.patient || !tokens) redirect("/demo");
  const last = session.lastRefresh;
  const refreshAction = naive ? refreshInView.bind(null, "naive") : refreshNow;
  const problem = naive ? (
    <NaiveFailure />
  ) : (
    <AccessProblem
      errorUri={last?.errorUri ?? null}
      exchange={last?.exchange ?? null}
      refusedAt={last?.outcome === "invalid_grant" ? last.at : null}
      tryAgain={refreshAction}
      reauthorize={connectAction}
      stop={stopAction}
    />
  );
  // After a refused refresh the Connection panel stays, greyed, saying so ("Last refresh: refused (invalid_grant)").
  if (last?.outcome === "invalid_grant") {
    return (
      <div className="space-y-4">
        {problem}
        {!naive && (
          <ConnectionPanel scope={tokens.scope} expiresAt={tokens.expiresAt} hasRefreshToken={!!tokens.refreshToken} lastRefresh={last} />
        )}
      </div>
    );
  }
  if (last?.outcome === "unavailable") {
    return (
      <div role="alert" className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">Your health record is not reachable right now</h1>
        <p className="mt-2 text-slate-700">{last.message} Your access is fine; this is usually temporary.</p>
        <form action={refreshAction} className="mt-4">
          <button className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white">Retry</button>
        </form>
      </div>
    );
  }
  if (accessTokenExpiring(tokens)) return <AutoRefresh refresh={refreshAction} />;

  const result = await loadRecord(tokens);
  if (result.kind === "unauthorized") {
    // A 401 from the FHIR API: refresh once; if that was just done, the access is gone.
    return refreshedJustNow(last) ? problem : <AutoRefresh refresh={refreshAction} />;
  }
  if (result.kind === "unavailable") {
    return (
      <div role="alert" className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">Your health record is not reachable right now</h1>
        <p className="mt-2 text-slate-700">{result.message} Try again in a moment.</p>
        <a href="/demo/record" className="mt-4 inline-block rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white">
          Retry
        </a>
      </div>
    );
  }

  const { record } = result;
  const ownPatient = session.fhirUser?.split("/").pop();
  const proxy = ownPatient && ownPatient !== tokens.patient;
  const name = record.patient ? patientName(record.patient) : null;
  return (
    <div className="space-y-5">
      <section
        aria-label="Patient"
        className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-indigo-900 px-5 py-4 text-white"
        data-testid="patient-banner"
      >
        <div>
          <h1 className="text-2xl font-bold">{name ?? "Your health record"}</h1>
          {record.patient ? (
            <p className="text-indigo-100">
              Born {record.patient.birthDate} · {record.patient.gender}
            </p>
          ) : (
            <p className="text-indigo-100">You chose not to share your name and birth date with MyHealth.</p>
          )}
        </div>
        {proxy && (
          <p className="rounded-lg bg-white/15 px-3 py-1.5 text-sm">You are viewing {name ? `${name}’s` : "this"} record as their proxy</p>
        )}
      </section>
      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-5">
          <section aria-labelledby="vitals" className="space-y-3">
            <h2 id="vitals" className="text-lg font-semibold text-slate-900">
              Vital signs
            </h2>
            {record.vitals === "not-shared" ? (
              <NotShared noun={SECTIONS.vitals.noun} id="vitals" />
            ) : (
              <div className="grid gap-3 md:grid-cols-2">
                <VitalsChart title="Heart rate" points={series(record.vitals, "8867-4")} color="#e11d48" />
                <VitalsChart title="Systolic blood pressure" points={series(record.vitals, "8480-6")} color="#4f46e5" />
                <VitalsChart title="Body weight" points={series(record.vitals, "29463-7")} color="#0d9488" />
                <VitalsChart title="Body temperature" points={series(record.vitals, "8310-5")} color="#d97706" />
              </div>
            )}
          </section>
          <div className="grid gap-3 md:grid-cols-2">
            <List
              title="Medications"
              section="medications"
              items={itemsOf(record.medications, (m) => ({
                primary: text(m.medicationCodeableConcept),
                secondary: `${m.status} · ${m.dosageInstruction?.[0]?.text ?? ""}`,
              }))}
            />
            <List
              title="Allergies"
              section="allergies"
              items={itemsOf(record.allergies, (a) => ({
                primary: text(a.code),
                secondary: `${a.criticality} criticality · ${a.reaction?.[0]?.manifestation?.[0]?.text ?? ""}`,
              }))}
            />
            <List
              title="Conditions"
              section="conditions"
              items={itemsOf(record.conditions, (c) => ({
                primary: text(c.code),
                secondary: `${text(c.clinicalStatus)} · since ${c.onsetDateTime ?? "—"}`,
              }))}
            />
            <List
              title="Immunizations"
              section="immunizations"
              items={itemsOf(record.immunizations, (i) => ({ primary: text(i.vaccineCode), secondary: i.occurrenceDateTime }))}
            />
          </div>
        </div>
        <div className="space-y-3">
          <ConnectionPanel
            scope={tokens.scope}
            expiresAt={tokens.expiresAt}
            hasRefreshToken={!!tokens.refreshToken}
            lastRefresh={last ?? null}
            refresh={refreshAction}
          />
          <form action={stopAction}>
            <button className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50">
              Stop using the app
            </button>
          </form>
          <p className="text-xs text-slate-500">Stopping ends MyHealth&rsquo;s access at your patient portal, not only on this device.</p>
        </div>
      </div>
    </div>
  );
}
