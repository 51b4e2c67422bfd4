// GET /tenants/{t}/personas/patient/login?next=… — patient sign-in.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { SANDBOX_PASSWORD, SEED_PERSONS } from "@/lib/seed/personas";
import { findTenant } from "@/lib/tenancy/tenants";
import { signInAction } from "./actions";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ next?: string | string[] }> }) {
  const { tenant: tenantId } = await params;
  const tenant = await findTenant(db, tenantId);
  if (!tenant) notFound();
  const next = (await searchParams).next;
  const accounts = SEED_PERSONS.map(({ username, displayName, description }) => ({ username, displayName, description }));
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-slate-900">Sign in to {tenant.name}</h1>
      <p className="mt-1 mb-6 text-slate-600">Use your patient portal account.</p>
      <LoginForm action={signInAction.bind(null, tenantId, typeof next === "string" ? next : "")} accounts={accounts} password={SANDBOX_PASSWORD} />
    </section>
  );
}
