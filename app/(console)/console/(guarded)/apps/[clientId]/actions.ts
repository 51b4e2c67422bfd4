"use server";
// Trust lab actions: apply a scenario, edit the world by hand, switch the trust source, edit the app. A stale page acting on an app
// that no longer exists is sent back to the app list with a message.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { editApp } from "@/lib/apps/app-details";
import { applyScenario, editWorld, LiveAppWorldError } from "@/lib/trust/change-world";
import { InvalidCertificateError } from "@/lib/trust/parsed-certificate";
import { isScenarioName, ScenarioNotApplicableError } from "@/lib/trust/scenarios";
import { AppNotFoundError } from "@/lib/trust/simulated-host";
import { NotProbeable } from "@/lib/trust/live-evaluation";
import { setTrustSource } from "@/lib/trust/trust-source";
import { TRUST_SOURCES } from "@/lib/trust/types";
import { requireConsoleAccess } from "../../../_lib/console-access";

const appPath = (clientId: string) => `/console/apps/${clientId}`;

async function guarded<T>(clientId: string, run: () => Promise<T>): Promise<T> {
  await requireConsoleAccess();
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppNotFoundError) redirect(`/console/apps?gone=${encodeURIComponent(clientId)}`);
    if (error instanceof LiveAppWorldError) redirect(`${appPath(clientId)}?notice=live-mode#trust-lab`);
    throw error;
  }
}

export async function applyScenarioAction(clientId: string, form: FormData): Promise<void> {
  const scenario = String(form.get("scenario") ?? "");
  let notice = `applied-${scenario}`;
  await guarded(clientId, async () => {
    if (!isScenarioName(scenario)) throw new Error(`unknown scenario ${scenario}`);
    try {
      await applyScenario(db, clientId, scenario);
    } catch (error) {
      if (!(error instanceof ScenarioNotApplicableError)) throw error;
      notice = "not-applicable";
    }
  });
  revalidatePath(appPath(clientId));
  redirect(`${appPath(clientId)}?notice=${notice}#trust-lab`);
}

export async function setTrustSourceAction(clientId: string, form: FormData): Promise<void> {
  const source = z.enum(TRUST_SOURCES).safeParse(form.get("source"));
  let query = "notice=source-refused";
  await guarded(clientId, async () => {
    if (!source.success) return;
    try {
      const result = await setTrustSource(db, clientId, source.data);
      query = `notice=source-${result.source}&suspends=${result.wouldSuspend}`;
    } catch (error) {
      if (!(error instanceof NotProbeable)) throw error;
    }
  });
  revalidatePath(appPath(clientId));
  redirect(`${appPath(clientId)}?${query}#trust-lab`);
}

export interface WorldEditState {
  errors?: { chainPem?: string; txtRecords?: string };
  saved?: boolean;
}

export async function editWorldAction(clientId: string, _state: WorldEditState, form: FormData): Promise<WorldEditState> {
  return guarded(clientId, async () => {
    const chainPem = String(form.get("chainPem") ?? "").trim();
    const txtRecords = String(form.get("txtRecords") ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const tooLong = txtRecords.find((record) => Buffer.byteLength(record) > 255);
    if (tooLong) return { errors: { txtRecords: `"${tooLong.slice(0, 30)}…" is longer than 255 bytes` } };
    try {
      await editWorld(db, clientId, { ...(chainPem ? { chainPem } : {}), txtRecords });
    } catch (error) {
      if (error instanceof InvalidCertificateError) return { errors: { chainPem: error.message } };
      throw error;
    }
    revalidatePath(appPath(clientId));
    return { saved: true };
  });
}

const appEditSchema = z.object({
  clientName: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
  validated: z.boolean(),
});

export interface AppEditState {
  errors?: { clientName?: string };
  saved?: boolean;
}

export async function editAppAction(clientId: string, _state: AppEditState, form: FormData): Promise<AppEditState> {
  return guarded(clientId, async () => {
    const parsed = appEditSchema.safeParse({ clientName: form.get("clientName"), validated: form.get("validated") === "on" });
    if (!parsed.success) return { errors: { clientName: parsed.error.issues[0].message } };
    await editApp(db, clientId, parsed.data);
    revalidatePath(appPath(clientId));
    return { saved: true };
  });
}
