"use server";
// The demo app's actions: connect (SMART authorization), refresh now / try again, re-authorize, stop using the app.
import { redirect } from "next/navigation";
import { auth, signIn, signOut, updateSession } from "@/demo-app/auth";
import { DEMO_PROVIDER_ID } from "@/demo-app/config";

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

export async function stopAction(): Promise<void> {
  await signOut({ redirectTo: "/demo?stopped=1" });
}
