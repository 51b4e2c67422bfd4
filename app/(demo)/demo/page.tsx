// GET /demo — what the demo app is, and "Connect your health record".
import { redirect } from "next/navigation";
import { auth } from "@/demo-app/auth";
import { connectAction } from "./actions";

export default async function DemoLanding({ searchParams }: { searchParams: Promise<{ stopped?: string; error?: string }> }) {
  const { stopped, error } = await searchParams;
  if ((await auth())?.patient && !stopped) redirect("/demo/record");
  return (
    <section className="mx-auto max-w-2xl text-center">
      <h1 className="text-3xl font-bold text-indigo-950 sm:text-4xl">Your health record, in one place</h1>
      <p className="mt-4 text-lg text-slate-700">
        MyHealth connects to your patient portal with SMART on FHIR to show your vital signs, medications, allergies, conditions and
        immunizations. You approve what it may see, and you can revoke it at any time.
      </p>
      {stopped && (
        <p role="status" className="mt-6 rounded-lg bg-white px-4 py-3 text-slate-700 shadow-sm">
          {stopped === "locally"
            ? "You stopped using MyHealth on this device, but your patient portal could not be reached to end its access. Revoke it in your patient portal's list of apps."
            : "You stopped using MyHealth. It gave up its access at your patient portal, so it can no longer see your record."}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-amber-950">
          {error === "AccessDenied"
            ? "You chose not to connect MyHealth. You can connect it whenever you like."
            : error === "OAuthCallbackError"
              ? "MyHealth was not connected: access was not allowed, or the sign-in did not finish. You can try again whenever you like."
              : "MyHealth could not connect to your patient portal. You can try again."}
        </p>
      )}
      <form action={connectAction} className="mt-8">
        <button className="rounded-xl bg-indigo-600 px-6 py-3 text-lg font-semibold text-white shadow hover:bg-indigo-700">
          Connect your health record
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-500">You will sign in at Sandbox Health, not here. MyHealth never sees your password.</p>
    </section>
  );
}
