// GET /console/grants[?app=…&patient=…] — grants with status, scopes, dates, snapshot vs current, and actions.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { consoleGrants } from "@/lib/console/grant-list";
import { StatusBadge } from "@/components/patient/status-badge";
import { grantAction } from "./actions";
import { ownEntry } from "@/lib/util/own-entry";

export const metadata: Metadata = { title: "Grants" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  "revoke-done": "Grant revoked.",
  "force-suspend-done": "Grant suspended: its next refresh answers invalid_grant.",
  "reinstate-done": "Grant reinstated with a fresh snapshot.",
  refused: "That action does not apply to the grant as it is now (or it no longer exists); the list below is current.",
  "unknown-action": "Unknown action.",
};

type Search = { app?: string; patient?: string; notice?: string };

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { app, patient, notice } = await searchParams;
  const { rows: grants, apps, patients } = await consoleGrants(db, { app, patient });
  const back = new URLSearchParams({ ...(app ? { app } : {}), ...(patient ? { patient } : {}) }).toString();

  return (
    <section className="rounded-xl bg-white p-5 shadow-sm">
      <h1 className="text-xl font-bold">Grants</h1>
      {ownEntry(NOTICES, notice) && (
        <p role="status" className="mt-3 rounded-lg bg-slate-900 px-3 py-2 text-sm text-white">
          {ownEntry(NOTICES, notice)}
        </p>
      )}
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          App
          <select name="app" defaultValue={app ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">All apps</option>
            {apps.map((client) => (
              <option key={client.id} value={client.id}>
                {client.clientName}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Patient
          <select name="patient" defaultValue={patient ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">All patients</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.givenName} {p.familyName}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-lg bg-slate-900 px-3 py-1.5 font-semibold text-white">Filter</button>
      </form>
      {grants.length === 0 && <p className="mt-4 text-slate-600">No grants yet. Authorize an app as a test patient to create one.</p>}
      <ul className="mt-4 space-y-3">
        {grants.map((grant) => {
          const { changes, policy } = grant;
          return (
            <li key={grant.id} className="rounded-lg border border-slate-200 p-3 text-sm" data-testid="grant">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p>
                  <span className="font-semibold">{grant.clientName}</span> → <span className="font-medium">{grant.patientId}</span>
                  <span className="ml-2 font-mono text-xs text-slate-500">{grant.id}</span>
                </p>
                <StatusBadge status={grant.status} endsAtNextUse={!!grant.endsAtNextUse} />
              </div>
              {grant.endsAtNextUse && (
                <p className="mt-1 text-xs font-medium text-orange-900" data-testid="grant-ending">
                  Ends at its next use ({grant.endsAtNextUse}): the next refresh answers invalid_grant and revokes it.
                </p>
              )}
              {grant.status === "revoked" && (
                <p className="mt-1 text-xs text-slate-700">
                  Revoked {grant.revokedAt?.toISOString().slice(0, 16).replace("T", " ")} (sandbox time):{" "}
                  {grant.revokedReason ?? "no reason recorded"}
                </p>
              )}
              <p className="mt-1 font-mono text-xs text-slate-600 break-words">{grant.scope}</p>
              <p className="mt-1 text-xs text-slate-600">
                {grant.accessKind} · created {grant.createdAt.toISOString().slice(0, 16).replace("T", " ")} · last used{" "}
                {grant.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} (sandbox time)
              </p>
              <p className="mt-1 text-xs">
                Snapshot vs current ({policy}):{" "}
                {changes.length === 0 ? (
                  <span className="text-green-800">unchanged</span>
                ) : (
                  <span className="text-amber-900">{changes.map((c) => c.sentence).join(" ")}</span>
                )}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Link
                  href={`/console/activity?grant=${grant.id}`}
                  className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-100"
                >
                  Activity &amp; sequence diagram
                </Link>
                <a
                  href={`/console/grants/${grant.id}/har`}
                  className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-100"
                >
                  HAR
                </a>
                {(["force-suspend", "reinstate", "revoke"] as const)
                  .filter((action) =>
                    action === "force-suspend"
                      ? grant.status === "active"
                      : action === "reinstate"
                        ? grant.status === "suspended"
                        : grant.status !== "revoked",
                  )
                  .map((action) => (
                    <form key={action} action={grantAction.bind(null, grant.id)}>
                      <input type="hidden" name="action" value={action} />
                      <input type="hidden" name="back" value={back} />
                      <button className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-100">
                        {action === "force-suspend" ? "Force-suspend" : action === "reinstate" ? "Reinstate" : "Revoke"}
                      </button>
                    </form>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
