"use client";
// The console's register form; shows the client secret once after registering a confidential app.
import Link from "next/link";
import { useActionState } from "react";
import { FormField, describedBy, inputClass } from "@/components/console/form-field";
import { registerAppAction, type RegisterState } from "./actions";

export function RegisterAppForm({ suggestedScopes }: { suggestedScopes: string }) {
  const [state, action, pending] = useActionState<RegisterState, FormData>(registerAppAction, {});
  const e = state.errors ?? {};
  const v = state.values ?? {};
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-4" noValidate>
      {state.registered && (
        <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          Registered <strong>{state.registered.clientName}</strong> as <code className="font-mono">{state.registered.clientId}</code>.{" "}
          {state.registered.clientSecret && (
            <span className="mt-1 block">
              Client secret (shown once, stored only as a hash):{" "}
              <code className="break-all font-mono font-semibold">{state.registered.clientSecret}</code>
            </span>
          )}
          <Link className="mt-1 block font-medium underline" href={`/console/apps/${state.registered.clientId}`}>
            Open its trust lab
          </Link>
        </div>
      )}
      <FormField id="client_name" label="App name" error={e.client_name}>
        <input
          id="client_name"
          name="client_name"
          defaultValue={v.client_name}
          className={inputClass}
          aria-describedby={describedBy("client_name", e.client_name)}
          aria-invalid={!!e.client_name}
        />
      </FormField>
      <FormField
        id="redirect_uris"
        label="Redirect URIs (one per line; the first is the primary one)"
        error={e.redirect_uris}
        hint="https, http://localhost / 127.0.0.1, or a private-use scheme"
      >
        <textarea
          id="redirect_uris"
          name="redirect_uris"
          rows={2}
          defaultValue={v.redirect_uris}
          className={inputClass}
          aria-describedby={describedBy("redirect_uris", e.redirect_uris, "hint")}
          aria-invalid={!!e.redirect_uris}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="token_endpoint_auth_method" label="Client type" error={e.token_endpoint_auth_method}>
          <select
            id="token_endpoint_auth_method"
            name="token_endpoint_auth_method"
            className={inputClass}
            defaultValue={v.token_endpoint_auth_method ?? "none"}
          >
            <option value="none">Public (PKCE, no secret)</option>
            <option value="client_secret_basic">Confidential — client_secret_basic</option>
            <option value="client_secret_post">Confidential — client_secret_post</option>
          </select>
        </FormField>
        <FormField
          id="public_hostname"
          label="Public hostname (optional)"
          error={e.public_hostname}
          hint="Trust checks use this host instead of the redirect URI's"
        >
          <input
            id="public_hostname"
            name="public_hostname"
            defaultValue={v.public_hostname}
            placeholder="app.example-health.com"
            className={inputClass}
            aria-describedby={describedBy("public_hostname", e.public_hostname, "hint")}
          />
        </FormField>
      </div>
      <FormField id="scope" label="Scopes" error={e.scope}>
        <input
          id="scope"
          name="scope"
          defaultValue={v.scope ?? suggestedScopes}
          className={inputClass}
          aria-describedby={describedBy("scope", e.scope)}
        />
      </FormField>
      <fieldset className="rounded-lg border border-slate-200 p-3" aria-describedby={e.organization ? "organization-error" : undefined}>
        <legend className="px-1 text-sm font-medium">Organization on the baseline certificate (optional)</legend>
        <div className="grid grid-cols-2 gap-3">
          <input
            aria-label="Organization name"
            name="organization_name"
            defaultValue={v.organization_name}
            placeholder="Name"
            className={inputClass}
          />
          <input
            aria-label="Country"
            name="organization_country"
            defaultValue={v.organization_country}
            placeholder="US"
            maxLength={2}
            className={inputClass}
          />
          <input aria-label="State" name="organization_state" defaultValue={v.organization_state} placeholder="MO" className={inputClass} />
          <input
            aria-label="Locality"
            name="organization_locality"
            defaultValue={v.organization_locality}
            placeholder="Kansas City"
            className={inputClass}
          />
        </div>
        {e.organization && (
          <p id="organization-error" className="mt-1 text-sm text-red-700">
            {e.organization}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-6 text-sm">
        <label className="flex items-center gap-2">
          Baseline certificate
          <select name="certificate_type" className="rounded border border-slate-300 px-2 py-1" defaultValue={v.certificate_type ?? "OV"}>
            <option value="OV">OV (names the organization)</option>
            <option value="DV">DV (domain only)</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="txt_record" defaultChecked={state.values ? v.txt_record === "on" : true} /> Publish the TXT record
          cerner-client-id=&lt;client_id&gt;
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? "Registering…" : "Register app"}
      </button>
    </form>
  );
}
