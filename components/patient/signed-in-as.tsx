// "Signed in as …" with a sign-out button (a POST form, so a link cannot sign someone out).
import { WORDS } from "@/lib/wording/patient-wording";

export function SignedInAs({ tenantId, displayName }: { tenantId: string; displayName: string }) {
  return (
    <form
      method="post"
      action={`/tenants/${tenantId}/personas/patient/logout`}
      className="flex flex-wrap items-center justify-end gap-2 text-sm text-slate-600"
    >
      <span>
        {WORDS.signedInAs} <span className="font-medium text-slate-900">{displayName}</span>
      </span>
      <button type="submit" className="rounded-md px-2 py-1 text-brand-700 underline-offset-2 hover:underline">
        {WORDS.signOut}
      </button>
    </form>
  );
}
