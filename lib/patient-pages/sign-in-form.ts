// The patient sign-in form posted to the login page: validated at the edge, then checked (with lockout).
import { z } from "zod";
import type { Db } from "../db/client";
import { signIn } from "../patient-session/sessions";
import { containsNul } from "../util/nul-characters";
import { WORDS } from "../wording/patient-wording";

const words = WORDS.login;
const formSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, words.missingUsername)
    .max(100, words.tooLong("username"))
    .refine((value) => !containsNul(value), words.invalid("username")),
  password: z
    .string()
    .min(1, words.missingPassword)
    .max(200, words.tooLong("password"))
    .refine((value) => !containsNul(value), words.invalid("password")),
});

export type SignInAttempt =
  | { ok: true; cookieValue: string }
  | { ok: false; status: 400 | 401 | 429; message: string | null; fieldErrors: { username?: string; password?: string }; username: string };

export async function attemptSignIn(db: Db, tenantId: string, form: URLSearchParams): Promise<SignInAttempt> {
  const username = (form.get("username") ?? "").slice(0, 200);
  const parsed = formSchema.safeParse({ username: form.get("username") ?? "", password: form.get("password") ?? "" });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      ok: false,
      status: 400,
      message: null,
      fieldErrors: { username: errors.username?.[0], password: errors.password?.[0] },
      username: containsNul(username) ? "" : username,
    };
  }
  const result = await signIn(db, tenantId, parsed.data.username, parsed.data.password);
  if (result.ok) return { ok: true, cookieValue: result.cookieValue };
  return result.reason === "locked"
    ? { ok: false, status: 429, message: words.locked, fieldErrors: {}, username }
    : { ok: false, status: 401, message: words.mismatch, fieldErrors: {}, username };
}
