"use server";
// Register an app from the console (same validation and domain function as RFC 7591 registration).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { registerApp } from "@/lib/apps/register-app";
import { registrationFromForm, type FieldErrors } from "@/lib/console/register-form";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { InvalidClientMetadata, InvalidRedirectUri } from "@/lib/oauth/errors";
import { requireConsoleAccess } from "../../_lib/console-access";

export interface RegisterState {
  errors?: FieldErrors;
  /** The submitted fields, so a form with errors keeps the person's input. */
  values?: Record<string, string>;
  registered?: { clientId: string; clientSecret?: string; clientName: string };
}

export async function registerAppAction(_state: RegisterState, form: FormData): Promise<RegisterState> {
  await requireConsoleAccess();
  const values = Object.fromEntries(
    [...form.entries()].filter(([key]) => !key.startsWith("$")).map(([key, value]) => [key, String(value)]),
  );
  const { request, errors } = registrationFromForm(form);
  if (!request) return { errors, values };
  try {
    const app = await registerApp(db, DEFAULT_TENANT.id, request);
    revalidatePath("/console/apps");
    return { registered: { clientId: app.client_id, clientSecret: app.client_secret, clientName: app.client_name } };
  } catch (error) {
    if (error instanceof InvalidRedirectUri) return { errors: { redirect_uris: error.description }, values };
    if (error instanceof InvalidClientMetadata) return { errors: { public_hostname: error.description }, values };
    throw error;
  }
}
