"use client";
// Small forms of the app page: the app's name and Validated badge, and the custom world edit.
import { useActionState } from "react";
import { FormField, describedBy, inputClass } from "@/components/console/form-field";
import type { AppEditState, WorldEditState } from "./actions";

export function AppEditForm({
  action,
  clientName,
  validated,
}: {
  action: (s: AppEditState, f: FormData) => Promise<AppEditState>;
  clientName: string;
  validated: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <FormField id="clientName" label="App name" error={state.errors?.clientName}>
        <input
          id="clientName"
          name="clientName"
          defaultValue={clientName}
          className={inputClass}
          aria-describedby={describedBy("clientName", state.errors?.clientName)}
        />
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="validated" defaultChecked={validated} /> Validated by the vendor&rsquo;s program (shows the badge)
      </label>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white">
          Save
        </button>
        <span aria-live="polite" className="text-sm text-green-800">
          {state.saved ? "Saved" : ""}
        </span>
      </div>
    </form>
  );
}

export function WorldEditForm({
  action,
  txtRecords,
}: {
  action: (s: WorldEditState, f: FormData) => Promise<WorldEditState>;
  txtRecords: string[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <FormField
        id="chainPem"
        label="Replace the certificate chain (PEM, leaf first; leave empty to keep it)"
        error={state.errors?.chainPem}
      >
        <textarea
          id="chainPem"
          name="chainPem"
          rows={4}
          placeholder="-----BEGIN CERTIFICATE-----"
          className={`${inputClass} font-mono text-xs`}
          aria-describedby={describedBy("chainPem", state.errors?.chainPem)}
        />
      </FormField>
      <FormField
        id="txtRecords"
        label="TXT records at the registrable domain (one per line, at most 255 bytes each)"
        error={state.errors?.txtRecords}
      >
        <textarea
          id="txtRecords"
          name="txtRecords"
          rows={3}
          defaultValue={txtRecords.join("\n")}
          className={`${inputClass} font-mono text-xs`}
          aria-describedby={describedBy("txtRecords", state.errors?.txtRecords)}
        />
      </FormField>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white">
          Apply edit
        </button>
        <span aria-live="polite" className="text-sm text-green-800">
          {state.saved ? "Applied" : ""}
        </span>
      </div>
    </form>
  );
}
