"use server";
// Console sign-in and sign-out with SANDBOX_ADMIN_PASSWORD (read at run time, never at build time).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { ADMIN_COOKIE } from "@/lib/console/admin-access";
import { signInToConsole } from "@/lib/console/console-sign-in";

const MESSAGES = {
  wrong: "That is not the sandbox admin password.",
  locked: "Too many wrong passwords. Wait 15 minutes and try again.",
} as const;

export async function consoleSignIn(_state: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const result = await signInToConsole(db, String(form.get("password") ?? "").slice(0, 1000));
  if (!result.ok) {
    if (result.reason === "open") redirect("/console/apps");
    return { error: MESSAGES[result.reason] };
  }
  (await cookies()).set(ADMIN_COOKIE, result.cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure: publicUrl().startsWith("https:"),
    path: "/",
  });
  redirect("/console/apps");
}

export async function consoleSignOut(): Promise<void> {
  (await cookies()).delete(ADMIN_COOKIE);
  redirect("/console/sign-in");
}
