// Changes to an app's simulated world — a named scenario or a custom edit — applied in one transaction
// together with the revocation list and an activity event that records the world before and after.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { sandboxNow } from "../clock/sandbox-clock";
import { eventCreate } from "../activity/record-event";
import { loadCertificateAuthorities } from "./certificate-authorities";
import { evaluateTrust, evaluateWorld, revocationKeys } from "./evaluate-trust";
import { splitPemChain } from "./parsed-certificate";
import { SCENARIOS, type ScenarioName, type ScenarioOutcome } from "./scenarios";
import { loadHost, type LoadedHost } from "./simulated-host";
import { compareSnapshots } from "./snapshot";
import { TLS_VERSIONS, type SimulatedWorld, type TrustEvaluation } from "./types";

const TXT_RECORD_MAX_BYTES = 255;

/** A custom edit: any of a pasted PEM chain, the TXT records, the TLS versions, reachability. */
export const worldEditSchema = z
  .object({
    chainPem: z.string().min(1, "chainPem is empty").max(100_000, "chainPem is longer than 100,000 characters").optional(),
    txtRecords: z
      .array(
        z
          .string()
          .min(1, "a TXT record may not be empty")
          .refine(
            (value) => Buffer.byteLength(value, "utf8") <= TXT_RECORD_MAX_BYTES,
            `a TXT record may hold at most ${TXT_RECORD_MAX_BYTES} bytes`,
          ),
      )
      .max(50, "at most 50 TXT records")
      .optional(),
    tlsVersions: z.array(z.enum(TLS_VERSIONS)).max(4).optional(),
    reachable: z.boolean().optional(),
  })
  .strict()
  .refine(
    (edit) => Object.values(edit).some((value) => value !== undefined),
    "the edit changes nothing: give chainPem, txtRecords, tlsVersions or reachable",
  );
export type WorldEdit = z.infer<typeof worldEditSchema>;

export interface WorldChangeResult {
  evaluation: TrustEvaluation;
  changes: ReturnType<typeof compareSnapshots>;
}

/** A scenario or world edit for an app whose checks look at its real server: it would change nothing they see. */
export class LiveAppWorldError extends Error {
  override name = "LiveAppWorldError";
  constructor(readonly clientId: string) {
    super(
      `app "${clientId}" is in live mode: its checks look at its real server, so a scenario or world edit would change nothing they see; switch its trust source back to simulated first`,
    );
  }
}

async function commit(
  db: Db,
  host: LoadedHost,
  outcome: ScenarioOutcome,
  event: { type: string; payload: Record<string, unknown> },
): Promise<WorldChangeResult> {
  if (host.trustSource === "live") throw new LiveAppWorldError(host.clientId);
  const now = await sandboxNow(db, host.tenantId);
  const before = await evaluateWorld(db, host, host.current, now);
  const writes: Prisma.PrismaPromise<unknown>[] = [
    db.trustHost.update({
      where: { clientId: host.clientId },
      data: { current: outcome.world as unknown as Prisma.InputJsonValue, revision: { increment: 1 } },
    }),
  ];
  for (const { issuerId, serialNumber } of outcome.revoke ?? []) {
    writes.push(
      db.certificateRevocation.upsert({
        where: { issuerId_serialNumber: { issuerId, serialNumber } },
        create: { issuerId, serialNumber, revokedAt: now },
        update: {},
      }),
    );
  }
  if (outcome.unrevoke?.length) writes.push(db.certificateRevocation.deleteMany({ where: { serialNumber: { in: outcome.unrevoke } } }));
  // The revocation list is part of every app's world (a chain may hold any certificate, even another app's or an
  // authority's): a change to it is a new revision for every host, so no remembered evaluation outlives it.
  if (outcome.revoke?.length || outcome.unrevoke?.length) writes.push(db.trustHost.updateMany({ data: { revision: { increment: 1 } } }));
  const revokedAfter = await revocationsAfter(db, outcome);
  const after = await evaluateWorld(db, { ...host, current: outcome.world }, outcome.world, now, revokedAfter);
  const changes = compareSnapshots(before.snapshot, after.snapshot, "strict", host.clientId);
  writes.push(
    eventCreate(db, {
      type: event.type,
      tenantId: host.tenantId,
      clientId: host.clientId,
      sandboxAt: now,
      payload: { ...event.payload, before: before.snapshot, after: after.snapshot, changes },
    }),
  );
  await db.$transaction(writes);
  return { evaluation: await evaluateTrust(db, host.clientId, { mode: "inspect" }), changes };
}

/** The revocation set as it will be once the outcome is committed, to evaluate "after" before writing. */
export async function revocationsAfter(db: Db, outcome: ScenarioOutcome): Promise<Set<string>> {
  const rows = await db.certificateRevocation.findMany();
  const kept = rows.filter((row) => !outcome.unrevoke?.includes(row.serialNumber));
  return revocationKeys(await loadCertificateAuthorities(db), [...kept, ...(outcome.revoke ?? [])]);
}

/** What a scenario would produce, without applying it. */
export async function scenarioOutcome(
  db: Db,
  clientId: string,
  scenario: ScenarioName,
): Promise<{ host: LoadedHost; outcome: ScenarioOutcome }> {
  const host = await loadHost(db, clientId);
  const outcome = await SCENARIOS[scenario].apply({
    host,
    authorities: await loadCertificateAuthorities(db),
    now: await sandboxNow(db, host.tenantId),
  });
  return { host, outcome };
}

export async function applyScenario(db: Db, clientId: string, scenario: ScenarioName): Promise<WorldChangeResult> {
  const { host, outcome } = await scenarioOutcome(db, clientId, scenario);
  return commit(db, host, outcome, { type: "trust.scenario_applied", payload: { scenario } });
}

export async function editWorld(db: Db, clientId: string, edit: WorldEdit): Promise<WorldChangeResult> {
  const host = await loadHost(db, clientId);
  const world: SimulatedWorld = {
    ...host.current,
    ...(edit.chainPem !== undefined ? { chainPem: splitPemChain(edit.chainPem) } : {}),
    ...(edit.txtRecords !== undefined ? { txtRecords: edit.txtRecords } : {}),
    ...(edit.tlsVersions !== undefined ? { tlsVersions: edit.tlsVersions } : {}),
    ...(edit.reachable !== undefined ? { reachable: edit.reachable } : {}),
  };
  return commit(db, host, { world }, { type: "trust.world_edited", payload: { edited: Object.keys(edit) } });
}
