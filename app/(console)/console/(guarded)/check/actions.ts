"use server";
// "Check my app": a live TLS and DNS check of a real redirect URI (lib/trust/readiness-report.ts). A POST only (a
// server action), so no link or image can make the sandbox probe a host.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ConfigurationError } from "@/lib/config/environment";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { NotProbeable } from "@/lib/trust/live-evaluation";
import { tenantReadinessReport, type ReadinessReport } from "@/lib/trust/readiness-report";
import { requireConsoleAccess } from "../../_lib/console-access";

export interface CheckState {
  values?: { redirect_uri: string; client_id: string };
  error?: string;
  report?: ReadinessReport;
}

const formSchema = z.object({
  redirect_uri: z.string().trim().min(1, "Paste your app's redirect URI").max(2000),
  client_id: z.string().trim().min(1, "Enter your client id (the TXT record must name it)").max(200),
});

export async function checkAppAction(_state: CheckState, form: FormData): Promise<CheckState> {
  await requireConsoleAccess();
  const values = { redirect_uri: String(form.get("redirect_uri") ?? ""), client_id: String(form.get("client_id") ?? "") };
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) return { values, error: parsed.error.issues[0].message };
  try {
    const report = await tenantReadinessReport(db, DEFAULT_TENANT.id, {
      redirectUri: parsed.data.redirect_uri,
      clientId: parsed.data.client_id,
    });
    return { values, report };
  } catch (error) {
    if (error instanceof NotProbeable || error instanceof ConfigurationError) return { values, error: error.message };
    throw error;
  }
}
