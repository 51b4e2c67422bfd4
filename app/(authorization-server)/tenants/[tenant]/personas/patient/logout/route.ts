// POST /tenants/{t}/personas/patient/logout — end the sign-in session (and its online_access grants).
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { signOut } from "@/lib/patient-session/sessions";
import { clearSessionCookie, rawSessionCookie } from "@/app/(authorization-server)/_lib/patient-session";

export async function POST(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const origin = request.headers.get("origin");
  if (origin && origin !== publicUrl()) return new Response("Cross-site sign-out refused", { status: 403 });
  await signOut(db, tenant, await rawSessionCookie());
  await clearSessionCookie();
  return new Response(null, {
    status: 303,
    headers: { Location: `${publicUrl()}/tenants/${tenant}/personas/patient/login`, "Cache-Control": "no-store" },
  });
}
