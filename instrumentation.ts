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

/**
 * A page or handler of the App Router failed: one log line whose correlation id is the error's digest, which the
 * segment's error boundary shows as the reference (components/segment-error.tsx). Patient pages (Pages Router)
 * log their own reference in pages/_error.tsx.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string },
) {
  if (context.routerKind !== "App Router") return;
  const { log } = await import("./lib/log/logger");
  const digest = (error as { digest?: string }).digest;
  log.error(
    { correlationId: digest, method: request.method, path: request.path.split("?")[0], route: context.routePath, err: error },
    "page failed",
  );
}
