// SANDBOX_ERROR_DRILL=1 makes the error-drill pages fail on purpose (the e2e run sets it), so a test can see each
// audience's error boundary in a production build. Otherwise those pages are "not found".
export function errorDrillEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.SANDBOX_ERROR_DRILL === "1";
}

export class ErrorDrill extends Error {
  override name = "ErrorDrill";
  constructor(where: string) {
    super(`error drill: ${where} failed on purpose (SANDBOX_ERROR_DRILL=1)`);
  }
}
