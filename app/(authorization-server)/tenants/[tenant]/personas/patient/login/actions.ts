"use server";
// Sign-in form action: checks the password (with lockout), sets the session cookie, goes to `next`.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { signIn } from "@/lib/patient-session/sessions";
import { containsNul } from "@/lib/util/nul-characters";
import { findTenant } from "@/lib/tenancy/tenants";
import { safeNextPath, setSessionCookie } from "@/app/(authorization-server)/_lib/patient-session";

export interface SignInState {
  message?: string;
  fieldErrors?: { username?: string; password?: string };
  username?: string;
}

const formSchema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(100, "That username is too long").refine((value) => !containsNul(value), "That username is not valid"),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long").refine((value) => !containsNul(value), "That password is not valid"),
});

export async function signInAction(tenantId: string, next: string, _previous: SignInState, form: FormData): Promise<SignInState> {
  if (!(await findTenant(db, tenantId))) return { message: "This sign-in page belongs to no organization." };
  const parsed = formSchema.safeParse({ username: form.get("username") ?? "", password: form.get("password") ?? "" });
  const username = String(form.get("username") ?? "");
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    return { username, fieldErrors: { username: errors.username?.[0], password: errors.password?.[0] } };
  }
  const result = await signIn(db, tenantId, parsed.data.username, parsed.data.password);
  if (!result.ok) {
    return result.reason === "locked"
      ? { username, message: "Too many failed sign-in attempts for this username. Try again later." }
      : { username, message: "That username and password do not match. Check them and try again." };
  }
  await setSessionCookie(result.cookieValue);
  redirect(safeNextPath(tenantId, next));
}
