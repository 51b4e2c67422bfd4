// "Signed in as …" with a sign-out button (a POST form, so a link cannot sign someone out).
export function SignedInAs({ tenantId, displayName }: { tenantId: string; displayName: string }) {
  return (
    <form method="post" action={`/tenants/${tenantId}/personas/patient/logout`} className="flex items-center justify-end gap-2 text-sm text-slate-600">
      <span>Signed in as <span className="font-medium text-slate-900">{displayName}</span></span>
      <button type="submit" className="rounded-md px-2 py-1 text-brand-700 underline-offset-2 hover:underline">Sign out</button>
    </form>
  );
}
