// The consent form: requested access in plain language, a checkbox per resource scope, how long access lasts,
// and Allow / Deny. Identity and launch scopes are shown but cannot be unticked.
import { describeResourceScope, parseResourceScope, type AccessKind } from "@/lib/oauth/scopes";

const REQUIRED_SCOPE_TEXT: Record<string, string> = {
  openid: "Know who you are (your portal account)",
  fhirUser: "Know who you are (your portal account)",
  profile: "Know who you are (your portal account)",
  "launch/patient": "Know which health record you chose",
};

const DURATION: Record<AccessKind, string> = {
  offline: "Until you revoke it — the app can keep refreshing its access while you are away.",
  online: "While you stay signed in to the patient portal.",
  none: "For a short time only (about 10 minutes); the app cannot renew it.",
};

interface Props {
  /** The decision endpoint the form posts to. */
  action: string;
  csrf: string;
  scopes: string[];
  accessKind: AccessKind;
}

export function ConsentForm({ action, csrf, scopes, accessKind }: Props) {
  const resources = scopes.map(parseResourceScope).filter((resource) => resource !== null);
  const required = [...new Set(scopes.map((scope) => REQUIRED_SCOPE_TEXT[scope]).filter(Boolean))];
  return (
    <form method="post" action={action} className="mt-6 space-y-6">
      <input type="hidden" name="csrf" value={csrf} />
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">The app is asking to see</legend>
        <p className="mt-1 text-sm text-slate-600">Untick anything you do not want to share.</p>
        <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {resources.map((resource) => (
            <li key={resource.scope} className="flex items-center gap-3 px-4 py-3">
              <input id={`scope-${resource.scope}`} type="checkbox" name="scope" value={resource.scope} defaultChecked className="h-5 w-5 rounded border-slate-300 accent-brand-600" />
              <label htmlFor={`scope-${resource.scope}`} className="flex-1 text-slate-900">
                {describeResourceScope(resource)}{" "}
                <span className="ml-1 font-mono text-xs text-slate-500">({resource.scope})</span>
              </label>
            </li>
          ))}
          {required.map((text) => (
            <li key={text} className="flex items-center gap-3 px-4 py-3 text-slate-700">
              <input type="checkbox" checked disabled aria-describedby="required-note" className="h-5 w-5 accent-slate-400" aria-label={text} />
              <span className="flex-1">{text}</span>
              <span className="text-xs text-slate-500">always included</span>
            </li>
          ))}
        </ul>
        <p id="required-note" className="sr-only">This access is needed for the app to work and cannot be removed.</p>
      </fieldset>
      <div className="rounded-xl bg-slate-100 px-4 py-3 text-sm text-slate-800">
        <span className="font-semibold">How long: </span>
        {DURATION[accessKind]}
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <button type="submit" name="decision" value="deny" className="rounded-lg border border-slate-300 bg-white px-5 py-2.5 font-semibold text-slate-800 hover:bg-slate-100">
          Deny
        </button>
        <button type="submit" name="decision" value="allow" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
          Allow
        </button>
      </div>
    </form>
  );
}
