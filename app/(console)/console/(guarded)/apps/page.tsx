// GET /console/apps — registered apps with their trust label, and the register form.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { SUGGESTED_SCOPES } from "@/lib/console/register-form";
import { appRows } from "@/lib/console/app-list";
import { RegisterAppForm } from "./register-app-form";

export const metadata: Metadata = { title: "Apps" };
export const dynamic = "force-dynamic";

export default async function AppsPage({ searchParams }: { searchParams: Promise<{ gone?: string }> }) {
  const { gone } = await searchParams;
  const rows = await appRows(db);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_26rem]">
      <section aria-labelledby="apps-heading" className="h-fit rounded-xl bg-white p-5 shadow-sm">
        <h1 id="apps-heading" className="text-xl font-bold">
          Apps
        </h1>
        {gone && (
          <p role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The app {gone} no longer exists (the sandbox may have been reset), so nothing was changed.
          </p>
        )}
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">App</th>
              <th className="py-2 font-medium">Client id</th>
              <th className="py-2 font-medium">Trust</th>
              <th className="py-2 font-medium">Active grants</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((app) => (
              <tr key={app.id}>
                <td className="py-2">
                  <Link href={`/console/apps/${app.id}`} className="font-medium text-brand-700 hover:underline">
                    {app.clientName}
                  </Link>
                </td>
                <td className="py-2 font-mono text-xs break-all">{app.id}</td>
                <td className="py-2">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold ${app.label === "verified" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
                  >
                    {app.label}
                  </span>
                </td>
                <td className="py-2">{app.activeGrants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="register-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="register-heading" className="text-lg font-semibold">
          Register an app
        </h2>
        <div className="mt-3">
          <RegisterAppForm suggestedScopes={SUGGESTED_SCOPES} />
        </div>
      </section>
    </div>
  );
}
