// GET /console/check — "Check my app": paste a real redirect URI (and the client id) and see, live, what patients
// would see and what to fix. The same report as POST /api/sandbox/probe and `npm run probe`.
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { appsToCheck } from "@/lib/console/app-list";
import { checkAppAction } from "./actions";
import { CheckForm } from "./check-form";

export const metadata: Metadata = { title: "Check my app" };
export const dynamic = "force-dynamic";

export default async function CheckPage() {
  const apps = await appsToCheck(db, DEFAULT_TENANT.id);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">Check my app</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          A live look at your real domain, the way the trust checks look at a simulated one: a TLS handshake with your redirect URI&rsquo;s
          host (its certificate chain, the TLS versions it accepts) and the TXT records at its registrable domain. It tells you what
          patients would see and what to change. Private and local addresses are not probed unless{" "}
          <code className="font-mono">SANDBOX_PROBE_ALLOW_PRIVATE=1</code>.
        </p>
      </header>
      <CheckForm action={checkAppAction} apps={apps} />
    </div>
  );
}
