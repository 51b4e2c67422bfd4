// Next.js start-up hook: waits for `npm start` to finish preparing the database (lib/config/start-signal.ts), then
// starts the background work of each server process (the retention sweep).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.SANDBOX_READY_FD) await (await import("./lib/config/start-signal")).awaitStartSignal(Number(process.env.SANDBOX_READY_FD));
  const { startRetentionSweeps } = await import("./lib/activity/retention-schedule");
  startRetentionSweeps();
}
