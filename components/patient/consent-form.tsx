// The consent form: requested access in plain language (whose record it is), a checkbox per resource scope, how
// long access lasts, and Allow / Deny. Identity and launch scopes are shown but cannot be unticked.
import { WORDS } from "@/lib/wording/patient-wording";
import { primaryButton, secondaryButton } from "./portal-frame";

interface Props {
  /** The decision endpoint the form posts to. */
  action: string;
  csrf: string;
  items: { scope: string; text: string }[];
  required: string[];
  duration: string;
}

export function ConsentForm({ action, csrf, items, required, duration }: Props) {
  return (
    <form method="post" action={action} className="mt-6 space-y-6">
      <input type="hidden" name="csrf" value={csrf} />
      <fieldset className="min-w-0">
        <legend className="text-base font-semibold text-slate-900">{WORDS.consent.asking}</legend>
        <p className="mt-1 text-sm text-slate-600">{WORDS.consent.untick}</p>
        <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.scope} className="flex items-start gap-3 px-3 py-3 sm:px-4">
              <input
                id={`scope-${item.scope}`}
                type="checkbox"
                name="scope"
                value={item.scope}
                defaultChecked
                className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-300 accent-brand-600"
              />
              <label htmlFor={`scope-${item.scope}`} className="min-w-0 flex-1 text-slate-900">
                {item.text} <span className="block break-all font-mono text-xs text-slate-500 sm:ml-1 sm:inline">({item.scope})</span>
              </label>
            </li>
          ))}
          {required.map((text) => (
            <li key={text} className="flex items-start gap-3 px-3 py-3 text-slate-700 sm:px-4">
              <input
                type="checkbox"
                checked
                disabled
                aria-describedby="required-note"
                className="mt-0.5 h-5 w-5 shrink-0 accent-slate-400"
                aria-label={text}
              />
              <span className="min-w-0 flex-1">{text}</span>
              <span className="shrink-0 text-xs text-slate-500">{WORDS.consent.alwaysIncluded}</span>
            </li>
          ))}
        </ul>
        <p id="required-note" className="sr-only">
          {WORDS.consent.requiredNote}
        </p>
      </fieldset>
      <div className="rounded-xl bg-slate-100 px-4 py-3 text-sm text-slate-800">
        <span className="font-semibold">{WORDS.consent.howLong}</span>
        {duration}
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <button type="submit" name="decision" value="deny" className={secondaryButton}>
          Deny
        </button>
        <button type="submit" name="decision" value="allow" className={primaryButton}>
          Allow
        </button>
      </div>
    </form>
  );
}
