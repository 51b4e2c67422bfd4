// Tenants on demand: each a whole isolated sandbox with its own clock, settings, copy of the seeded patients
// (same personas and records, tenant-specific ids), apps, grants and activity. Creating, resetting and deleting
// one never touches another.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db, DbOrTransaction, Prisma } from "../db/client";
import { eventCreate } from "../activity/record-event";
import { deleteAppRows } from "../apps/delete-app";
import { hashSecret } from "../secrets/hashing";
import { DEFAULT_TENANT, SANDBOX_PASSWORD, SEED_PATIENTS, SEED_PERSONS } from "../personas/personas";
import { settingsUpdateSchema } from "../settings/tenant-settings";
import { updateSettings } from "./update-settings";
import type { z } from "zod";

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export class TenantLifecycleError extends Error {
  override name = "TenantLifecycleError";
}

/** Settings of a tenant created for a test run, unless the request says otherwise: no sign-in lockout. */
const TEST_TENANT_DEFAULTS: SettingsUpdate = { loginLockoutFailures: 0 };

/** The seeded accounts all share one password; its hash is taken from the default tenant rather than recomputed. */
async function sandboxPasswordHash(db: Db): Promise<string> {
  const seeded = await db.person.findFirst({ where: { tenantId: DEFAULT_TENANT.id }, select: { passwordHash: true } });
  return seeded?.passwordHash ?? hashSecret(SANDBOX_PASSWORD);
}

/** Patients and accounts of a tenant: the seed's personas, under ids unique to the tenant. */
async function seedPeople(tx: DbOrTransaction, tenantId: string, suffix: string, passwordHash: string): Promise<void> {
  const idOf = (persona: string) => `${persona}-${suffix}`;
  await tx.patient.createMany({
    data: SEED_PATIENTS.map((patient) => ({ ...patient, id: idOf(patient.id), persona: patient.id, tenantId })),
  });
  await tx.person.createMany({
    data: SEED_PERSONS.map((person) => ({
      id: idOf(person.id),
      tenantId,
      username: person.username,
      displayName: person.displayName,
      passwordHash,
    })),
  });
  await tx.patientAccess.createMany({
    data: SEED_PERSONS.flatMap((person) =>
      person.access.map((access) => ({ personId: idOf(person.id), patientId: idOf(access.patientId), relationship: access.relationship })),
    ),
  });
}

export interface CreateTenantInput {
  name?: string;
  settings?: SettingsUpdate;
}

export async function createTenant(db: Db, input: CreateTenantInput): Promise<string> {
  const tenantId = randomUUID();
  const suffix = randomBytes(3).toString("hex");
  const settings = { ...TEST_TENANT_DEFAULTS, ...input.settings };
  const passwordHash = await sandboxPasswordHash(db);
  await db.$transaction(async (tx) => {
    await tx.tenant.create({
      data: { id: tenantId, name: input.name ?? `QA sandbox ${suffix}`, createdWith: { settings, suffix } as Prisma.InputJsonValue },
    });
    await seedPeople(tx, tenantId, suffix, passwordHash);
    await tx.sandboxClock.create({ data: { id: tenantId, offsetSeconds: 0 } });
    await eventCreate(tx, { type: "tenant.created", tenantId, sandboxAt: new Date(), payload: { settings } });
  });
  await updateSettings(db, tenantId, settings);
  return tenantId;
}

/** Everything that belongs to a tenant, child rows first. The tenant row itself is not deleted here. */
async function deleteContents(tx: DbOrTransaction, tenantId: string): Promise<void> {
  const clients = (await tx.client.findMany({ where: { tenantId }, select: { id: true } })).map((client) => client.id);
  await deleteAppRows(tx, clients);
  await tx.authorizationRequest.deleteMany({ where: { tenantId } });
  await tx.loginSession.deleteMany({ where: { tenantId } });
  await tx.loginAttempt.deleteMany({ where: { tenantId } });
  await tx.errorInstance.deleteMany({ where: { tenantId } });
  await tx.event.deleteMany({ where: { tenantId } });
  await tx.httpExchange.deleteMany({ where: { tenantId } });
  await tx.setting.deleteMany({ where: { tenantId } });
  await tx.sandboxClock.deleteMany({ where: { id: tenantId } });
}

export async function deleteTenant(db: Db, tenantId: string): Promise<void> {
  if (tenantId === DEFAULT_TENANT.id) throw new TenantLifecycleError("the default tenant cannot be deleted; reset it instead");
  await db.$transaction(async (tx) => {
    await deleteContents(tx, tenantId);
    await tx.tenant.delete({ where: { id: tenantId } });
  });
}

/**
 * Puts one tenant back to how it was created: its apps, grants, sessions, activity and worlds go, its clock
 * returns to real time, its settings to the ones it was created with; its patients and accounts stay.
 * The default tenant's own seed (demo app included) is restored by the caller.
 */
export async function resetTenant(db: Db, tenantId: string): Promise<void> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const createdWith = (tenant.createdWith ?? {}) as { settings?: SettingsUpdate };
  await db.$transaction(async (tx) => {
    await deleteContents(tx, tenantId);
    await eventCreate(tx, { type: "tenant.reset", tenantId, sandboxAt: new Date(), payload: {} });
  });
  if (createdWith.settings) await updateSettings(db, tenantId, createdWith.settings);
}
