// The console's register form → RFC 7591 metadata, so the console and the registration endpoint share one
// validation; errors come back per form field.
import "server-only";
import type { z } from "zod";
import { registrationSchema, type RegistrationRequest } from "../apps/registration-schema";

export const SUGGESTED_SCOPES =
  "launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.read patient/Condition.read patient/MedicationRequest.read patient/AllergyIntolerance.read patient/Immunization.read";

export type RegisterField =
  "client_name" | "redirect_uris" | "token_endpoint_auth_method" | "scope" | "organization" | "public_hostname" | "baseline";
export type FieldErrors = Partial<Record<RegisterField, string>>;

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export function registrationFromForm(form: FormData): { request?: RegistrationRequest; errors?: FieldErrors } {
  const organizationName = text(form, "organization_name");
  const candidate = {
    client_name: text(form, "client_name"),
    redirect_uris: text(form, "redirect_uris").split(/\s+/).filter(Boolean),
    token_endpoint_auth_method: text(form, "token_endpoint_auth_method") || "none",
    scope: text(form, "scope") || SUGGESTED_SCOPES,
    ...(organizationName
      ? {
          organization: {
            name: organizationName,
            country: text(form, "organization_country").toUpperCase(),
            state: text(form, "organization_state"),
            locality: text(form, "organization_locality"),
          },
        }
      : {}),
    ...(text(form, "public_hostname") ? { public_hostname: text(form, "public_hostname") } : {}),
    baseline: { certificate_type: text(form, "certificate_type") === "DV" ? "DV" : "OV", txt_record: form.get("txt_record") === "on" },
  };
  const parsed = registrationSchema.safeParse(candidate);
  if (parsed.success) return { request: parsed.data };
  return { errors: fieldErrors(parsed.error) };
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "client_name") as RegisterField;
    errors[field] ??= issue.message;
  }
  return errors;
}
