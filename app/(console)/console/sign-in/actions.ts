"use server";
// Console sign-in with SANDBOX_ADMIN_PASSWORD.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { ADMIN_COOKIE, adminCookieValue, adminPassword, passwordMatches } from "@/lib/console/admin-access";

export async function consoleSignIn(_state: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const password = adminPassword();
  if (!password) redirect("/console/apps");
  if (!passwordMatches(String(form.get("password") ?? ""))) return { error: "That is not the sandbox admin password." };
  (await cookies()).set(ADMIN_COOKIE, await adminCookieValue(db, password), { httpOnly: true, sameSite: "lax", secure: publicUrl().startsWith("https:"), path: "/" });
  redirect("/console/apps");
}
