"use server";
// Revoke, force-suspend (for QA) or reinstate a grant from the console.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { administerGrant, GrantActionRefused, type GrantAction } from "@/lib/console/grant-administration";
import { requireConsoleAccess } from "../../_lib/console-access";

const ACTIONS: GrantAction[] = ["revoke", "force-suspend", "reinstate"];

export async function grantAction(grantId: string, form: FormData): Promise<void> {
  await requireConsoleAccess();
  const action = String(form.get("action") ?? "") as GrantAction;
  let notice = `${action}-done`;
  if (!ACTIONS.includes(action)) notice = "unknown-action";
  else {
    try {
      await administerGrant(db, grantId, action);
    } catch (error) {
      if (!(error instanceof GrantActionRefused)) throw error;
      notice = "refused";
    }
  }
  revalidatePath("/console/grants");
  const back = String(form.get("back") ?? "");
  redirect(`/console/grants?${new URLSearchParams({ ...(back ? Object.fromEntries(new URLSearchParams(back)) : {}), notice })}`);
}
