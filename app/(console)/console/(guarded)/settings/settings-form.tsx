"use client";
// The tenant settings form: one control per setting, with what it does and the vendor's default.
import { useActionState } from "react";
import { inputClass } from "@/components/console/form-field";
import type { SettingsState } from "./actions";

export interface SettingView {
  key: string;
  label: string;
  help: string;
  value: string | number | boolean;
  defaultValue: string | number | boolean;
  choices: Record<string, string> | null;
}

export function SettingsForm({
  action,
  settings,
}: {
  action: (s: SettingsState, f: FormData) => Promise<SettingsState>;
  settings: SettingView[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // Keyed by the answer so every control shows what was submitted (React resets a form after its action).
  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="space-y-5">
      {settings.map((setting) => {
        const error = state.errors?.[setting.key as keyof NonNullable<SettingsState["errors"]>];
        const describedBy = `${setting.key}-help${error ? ` ${setting.key}-error` : ""}`;
        const value = state.values?.[setting.key] ?? setting.value;
        return (
          <div key={setting.key} className="border-b border-slate-100 pb-4">
            {typeof setting.defaultValue === "boolean" ? (
              <label className="flex items-center gap-2 font-medium">
                <input type="checkbox" name={setting.key} defaultChecked={value === true} aria-describedby={describedBy} /> {setting.label}
              </label>
            ) : setting.choices ? (
              <label className="block font-medium">
                {setting.label}
                <select name={setting.key} defaultValue={String(value)} className={inputClass} aria-describedby={describedBy}>
                  {Object.entries(setting.choices).map(([choice, text]) => (
                    <option key={choice} value={choice}>
                      {text}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <label className="block font-medium">
                {setting.label}
                <input
                  name={setting.key}
                  type="number"
                  defaultValue={String(value)}
                  className={inputClass}
                  aria-describedby={describedBy}
                  aria-invalid={!!error}
                />
              </label>
            )}
            <p id={`${setting.key}-help`} className="mt-1 text-sm text-slate-600">
              {setting.help} Default: <code className="font-mono">{String(setting.defaultValue)}</code>.
            </p>
            {error && (
              <p id={`${setting.key}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white">
          Save settings
        </button>
        <span aria-live="polite" className="text-sm text-green-800">
          {state.saved ? "Saved" : ""}
        </span>
      </div>
    </form>
  );
}
