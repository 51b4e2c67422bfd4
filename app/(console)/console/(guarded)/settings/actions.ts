"use server";
// Save the tenant's settings (validated by the same schema as the control API), and reset the sandbox.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { recordEvent } from "@/lib/activity/record-event";
import { sandboxNow } from "@/lib/clock/sandbox-clock";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { resetSandboxTenant } from "@/lib/tenant-admin/reset-sandbox";
import { SETTING_DEFINITIONS, SETTING_KEYS, settingsUpdateSchema, type SettingKey } from "@/lib/settings/tenant-settings";
import { updateSettings } from "@/lib/tenant-admin/update-settings";
import { requireConsoleAccess } from "../../_lib/console-access";

export interface SettingsState {
  errors?: Partial<Record<SettingKey, string>>;
  saved?: boolean;
  /** What was submitted, so a form with errors keeps the person's input. */
  values?: Record<string, string | number | boolean>;
}

export async function saveSettingsAction(_state: SettingsState, form: FormData): Promise<SettingsState> {
  await requireConsoleAccess();
  const candidate = Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const fallback = SETTING_DEFINITIONS[key].default;
      const raw = form.get(key);
      if (typeof fallback === "boolean") return [key, raw === "on"];
      if (typeof fallback === "number") return [key, raw === null || raw === "" ? Number.NaN : Number(raw)];
      return [key, String(raw ?? "")];
    }),
  );
  const parsed = settingsUpdateSchema.safeParse(candidate);
  if (!parsed.success) {
    const errors: SettingsState["errors"] = {};
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as SettingKey] ??= issue.code === "invalid_type" ? "Enter a whole number" : issue.message;
    return {
      errors,
      values: Object.fromEntries(
        SETTING_KEYS.map((key) => [key, typeof candidate[key] === "number" && Number.isNaN(candidate[key]) ? "" : candidate[key]]),
      ),
    };
  }
  await updateSettings(db, DEFAULT_TENANT.id, parsed.data);
  await recordEvent(db, {
    type: "settings.updated",
    tenantId: DEFAULT_TENANT.id,
    payload: { changed: parsed.data, by: "console" },
    sandboxAt: await sandboxNow(db, DEFAULT_TENANT.id),
  });
  return { saved: true, values: parsed.data as Record<string, string | number | boolean> };
}

export async function resetSandboxAction(form: FormData): Promise<void> {
  await requireConsoleAccess();
  if (form.get("confirm") !== "on") redirect("/console/settings?reset=unconfirmed");
  await resetSandboxTenant(db, DEFAULT_TENANT.id, { publicUrl: publicUrl() });
  redirect("/console/settings?reset=done");
}
