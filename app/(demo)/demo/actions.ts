"use server";
// The demo app's actions: connect (SMART authorization), refresh now / try again, re-authorize, stop using the app.
import { redirect } from "next/navigation";
import { auth, signIn, signOut, updateSession } from "@/demo-app/auth";
import { DEMO_PROVIDER_ID } from "@/demo-app/config";
import { heldTokens } from "@/demo-app/held-tokens";
import { revokeAtServer } from "@/demo-app/revoke-access";

export async function connectAction(): Promise<void> {
  await signIn(DEMO_PROVIDER_ID, { redirectTo: "/demo/record" });
}

/** Refresh with the same refresh token ("Refresh now", "Try again", and the automatic refresh). */
export async function refreshAction(): Promise<void> {
  if (!(await auth())) redirect("/demo");
  await updateSession({ action: "refresh" } as never);
  // A fresh request, so the page reads the session cookie this action just rewrote.
  redirect("/demo/record");
}

/**
 * The same, returning to the record page in the given view: the presenter's walkthrough shows a naively built app
 * (`view=naive`) beside MyHealth, and both must stay in their view after a refresh.
 */
export async function refreshInView(view: string): Promise<void> {
  if (!(await auth())) redirect("/demo");
  await updateSession({ action: "refresh" } as never);
  redirect(view === "naive" ? "/demo/record?view=naive" : "/demo/record");
}

/** Stop using the app: give the refresh token back to the server (RFC 7009), then forget the session here. */
export async function stopAction(): Promise<void> {
  const outcome = await revokeAtServer(await heldTokens());
  await signOut({ redirectTo: `/demo?stopped=${outcome === "failed" ? "locally" : "revoked"}` });
}
