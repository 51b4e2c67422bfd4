"use server";
// The walkthrough's buttons: reset the story, and the presenter's change at the app (step 4).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { DEMO_APP } from "@/lib/personas/personas";
import { applyScenario } from "@/lib/trust/change-world";
import { isScenarioName, ScenarioNotApplicableError } from "@/lib/trust/scenarios";
import { resetStory } from "@/lib/walkthrough/reset-story";
import { requireConsoleAccess } from "../../(console)/console/_lib/console-access";

/** Reset story: MyHealth's world to its baseline, the clock to now, the story's grants gone; MyHealth forgets its connection. */
export async function resetStoryAction(): Promise<void> {
  // The walkthrough changes the sandbox: with SANDBOX_ADMIN_PASSWORD set, only a signed-in console user may.
  await requireConsoleAccess();
  await resetStory(db);
  const jar = await cookies();
  for (const cookie of jar.getAll()) if (/authjs\.session-token/.test(cookie.name)) jar.delete(cookie.name);
  redirect("/walkthrough?notice=reset");
}

/** Step 4: the change the presenter picked happens at MyHealth's server. */
export async function applyChangeAction(form: FormData): Promise<void> {
  await requireConsoleAccess();
  const scenario = String(form.get("scenario") ?? "");
  if (!isScenarioName(scenario) || scenario === "restore-baseline") redirect("/walkthrough?notice=unknown-change#step-change");
  try {
    await applyScenario(db, DEMO_APP.clientId, scenario);
  } catch (error) {
    if (!(error instanceof ScenarioNotApplicableError)) throw error;
    redirect("/walkthrough?notice=not-applicable#step-change");
  }
  redirect(`/walkthrough?notice=changed-${scenario}#step-change`);
}
