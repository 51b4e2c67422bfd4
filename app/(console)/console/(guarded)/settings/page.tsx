// GET /console/settings — the tenant's settings and "Reset sandbox".
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { readSettings, SETTING_DEFINITIONS, SETTING_KEYS, settingChoices } from "@/lib/settings/tenant-settings";
import { resetSandboxAction, saveSettingsAction } from "./actions";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  const settings = await readSettings(db, DEFAULT_TENANT.id);
  const { reset } = await searchParams;
  const views = SETTING_KEYS.map((key) => ({
    key,
    label: SETTING_DEFINITIONS[key].label,
    help: SETTING_DEFINITIONS[key].help,
    value: settings[key],
    defaultValue: SETTING_DEFINITIONS[key].default,
    choices: settingChoices(key),
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h1 className="text-xl font-bold">Settings · {DEFAULT_TENANT.name}</h1>
        <div className="mt-4">
          <SettingsForm action={saveSettingsAction} settings={views} />
        </div>
      </section>
      <section aria-labelledby="reset" className="h-fit rounded-xl border border-red-200 bg-white p-5 shadow-sm">
        <h2 id="reset" className="text-lg font-semibold text-red-800">
          Reset sandbox
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Deletes every registered app, grant, session and activity event, restores every simulated world and the clock, and seeds the demo
          data again.
        </p>
        {reset === "done" && (
          <p role="status" className="mt-2 rounded bg-green-50 px-2 py-1 text-sm text-green-900">
            The sandbox was reset.
          </p>
        )}
        {reset === "unconfirmed" && (
          <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800">
            Tick the box to confirm.
          </p>
        )}
        <form action={resetSandboxAction} className="mt-3 space-y-3">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirm" className="mt-1" /> Yes, delete everything and start again
          </label>
          <button className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">Reset sandbox</button>
        </form>
      </section>
    </div>
  );
}
