// Next.js start-up hook: background work of each server process (the retention sweep).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRetentionSweeps } = await import("./lib/activity/retention-schedule");
  startRetentionSweeps();
}
