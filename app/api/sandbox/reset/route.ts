// POST /api/sandbox/reset — back to the seed state (apps, grants, activity, worlds and clock).
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/environment";
import { controlApi, json } from "@/lib/http/control-api";
import { resetSandbox } from "@/lib/seed/reset-sandbox";

export const POST = controlApi(async () => {
  await resetSandbox(db, { publicUrl: publicUrl() });
  return json({ status: "reset" });
});
