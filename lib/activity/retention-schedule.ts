// Runs the retention sweep in every server process, every SANDBOX_SWEEP_MINUTES (default 10), first a minute after
// start. Several instances sweeping at once only repeat idempotent deletes.
import { db } from "../db/client";
import { log } from "../log/logger";
import { sweepRetention } from "./retention";

export function startRetentionSweeps(): void {
  const minutes = Number(process.env.SANDBOX_SWEEP_MINUTES ?? 10);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  const sweep = async () => {
    try {
      const removed = await sweepRetention(db);
      log.info({ removed }, "retention sweep");
    } catch (error) {
      log.error({ err: error }, "retention sweep failed");
    }
  };
  setTimeout(sweep, 60_000).unref();
  setInterval(sweep, minutes * 60_000).unref();
}
