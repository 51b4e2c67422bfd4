"use server";
// Clock buttons and the set form of the console.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { changeClock } from "@/lib/clock/change-clock";
import { DEFAULT_TENANT } from "@/lib/personas/personas";
import { ClockRangeError } from "@/lib/clock/sandbox-clock";
import { requireConsoleAccess } from "../../_lib/console-access";

export async function clockAction(form: FormData): Promise<void> {
  await requireConsoleAccess();
  const kind = String(form.get("kind") ?? "");
  try {
    if (kind === "advance") await changeClock(db, DEFAULT_TENANT.id, { advance: String(form.get("duration") ?? "") });
    else if (kind === "set") {
      const local = String(form.get("at") ?? "");
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) throw new ClockRangeError("Enter a date and time.");
      await changeClock(db, DEFAULT_TENANT.id, { set: `${local}:00Z` });
    } else await changeClock(db, DEFAULT_TENANT.id, { reset: true });
  } catch (error) {
    if (error instanceof ClockRangeError) redirect(`/console/clock?error=${encodeURIComponent(error.message)}`);
    throw error;
  }
  redirect("/console/clock?changed=1");
}
