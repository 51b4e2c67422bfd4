// Puts the sandbox back to its seed state: every tenant's data, grants, sessions, activity and simulated worlds go, the clock
// returns to real time. The CAs, signing keys and generated secrets stay, so issued tokens still verify.
import type { Db } from "../db/client";
import { seedSandbox } from "./seed-sandbox";

export async function resetSandbox(db: Db, options: { publicUrl: string }): Promise<void> {
  await db.$transaction([
    db.event.deleteMany(),
    db.errorInstance.deleteMany(),
    db.accessToken.deleteMany(),
    db.authorizationCode.deleteMany(),
    db.grant.deleteMany(),
    db.authorizationRequest.deleteMany(),
    db.loginSession.deleteMany(),
    db.loginAttempt.deleteMany(),
    db.trustCheck.deleteMany(),
    db.trustHost.deleteMany(),
    db.certificateRevocation.deleteMany(),
    db.sandboxClock.deleteMany(),
    db.tenant.deleteMany(),
  ]);
  await seedSandbox(db, options);
}
