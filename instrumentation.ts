// Next.js start-up hook: waits for `npm start` to finish preparing the database (lib/config/start-signal.ts), or
// prepares it itself in the runnable package (lib/setup/prepare-in-server.ts), then
// starts the background work of each server process (the retention sweep).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.SANDBOX_READY_FD)
    await (await import("./lib/config/start-signal")).awaitStartSignal(Number(process.env.SANDBOX_READY_FD));
  // The runnable package (`npx smart-trust-sandbox`) has no starter beside it: the server prepares its own database.
  if (process.env.SANDBOX_PREPARE_IN_SERVER === "1") await (await import("./lib/setup/prepare-in-server")).prepareInServer();
  const { startRetentionSweeps } = await import("./lib/activity/retention-schedule");
  startRetentionSweeps();
}
