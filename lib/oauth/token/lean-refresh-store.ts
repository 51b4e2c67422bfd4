// The lean refresh path's two database calls (see lean-refresh.ts): one read that brings everything the ladder
// of checks needs — the grant, its client, its sign-in session, the tenant's settings and clock, the app's world
// revision and stored trust check, whether a fault is queued, the person's own patient id — and one write that
// re-checks the grant and records the token response. Built with Kysely for both databases.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { jsonArrayFrom as sqliteJsonArrayFrom } from "kysely/helpers/sqlite";
import { jsonArrayFrom as postgresqlJsonArrayFrom } from "kysely/helpers/postgres";
import type { LeanDb } from "../../db/lean/lean-db";
import { readBoolean, readDate, readJson, readOptionalDate, writeDate } from "../../db/lean/columns";
import type { EventInput } from "../../activity/record-event";

export interface RefreshRow {
  grant: {
    id: string;
    tenantId: string;
    clientId: string;
    personId: string;
    patientId: string;
    scope: string;
    accessKind: string;
    status: string;
    snapshotHash: string;
    lastUsedAt: Date;
    loginSessionId: string | null;
  };
  client: {
    id: string;
    tenantId: string;
    clientName: string;
    secretHash: string | null;
    tokenEndpointAuthMethod: string;
    redirectUris: string[];
    scope: string;
    grantTypes: string[];
    updatedAt: Date;
  };
  session: { expiresAt: Date; endedAt: Date | null } | null;
  settingRows: { key: string; value: unknown }[];
  clockOffsetSeconds: number;
  hostRevision: number | null;
  storedCheck: { checkedAt: Date; snapshotHash: string } | null;
  faultQueued: boolean;
  selfPatientId: string | null;
}

/** The grant that holds this refresh token in this tenant, with its whole context; null when there is none. */
export async function readRefreshRow(lean: LeanDb, tenantId: string, refreshTokenHash: string): Promise<RefreshRow | null> {
  const jsonArrayFrom = lean.dialect === "sqlite" ? sqliteJsonArrayFrom : postgresqlJsonArrayFrom;
  const query = lean.sql
    .selectFrom("Grant as g")
    .innerJoin("Client as c", "c.id", "g.clientId")
    .leftJoin("LoginSession as s", "s.id", "g.loginSessionId")
    .leftJoin("SandboxClock as k", "k.id", "g.tenantId")
    .leftJoin("TrustHost as h", "h.clientId", "g.clientId")
    .leftJoin("TrustCheck as tc", "tc.clientId", "g.clientId")
    .select([
      "g.id", "g.tenantId", "g.clientId", "g.personId", "g.patientId", "g.scope", "g.accessKind", "g.status", "g.snapshotHash", "g.lastUsedAt", "g.loginSessionId",
      "c.tenantId as clientTenantId", "c.clientName", "c.secretHash", "c.tokenEndpointAuthMethod", "c.redirectUris", "c.scope as clientScope", "c.grantTypes", "c.updatedAt as clientUpdatedAt",
      "s.expiresAt as sessionExpiresAt", "s.endedAt as sessionEndedAt",
      "k.offsetSeconds", "h.revision as hostRevision", "tc.checkedAt as checkCheckedAt", "tc.snapshotHash as checkSnapshotHash",
    ])
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom("Setting as st").select(["st.key", "st.value"]).whereRef("st.tenantId", "=", "g.tenantId")).as("settings"),
      eb.exists(eb.selectFrom("QueuedFault as f").select("f.id").whereRef("f.clientId", "=", "g.clientId").where("f.endpoint", "=", "token")).as("faultQueued"),
      eb.selectFrom("PatientAccess as pa").select("pa.patientId").whereRef("pa.personId", "=", "g.personId").where("pa.relationship", "=", "self").limit(1).as("selfPatientId"),
    ])
    .where("g.refreshTokenHash", "=", refreshTokenHash)
    .where("g.tenantId", "=", tenantId)
    .compile();
  const [row] = await lean.rows(query);
  if (!row) return null;
  // A setting's value is JSON: text inside SQLite's JSON array, already parsed by PostgreSQL's.
  const settings = readJson<{ key: string; value: unknown }[]>(row.settings);
  return {
    grant: {
      id: row.id,
      tenantId: row.tenantId,
      clientId: row.clientId,
      personId: row.personId,
      patientId: row.patientId,
      scope: row.scope,
      accessKind: row.accessKind,
      status: row.status,
      snapshotHash: row.snapshotHash,
      lastUsedAt: readDate(row.lastUsedAt),
      loginSessionId: row.loginSessionId,
    },
    client: {
      id: row.clientId,
      tenantId: row.clientTenantId,
      clientName: row.clientName,
      secretHash: row.secretHash,
      tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
      redirectUris: readJson(row.redirectUris),
      scope: row.clientScope,
      grantTypes: readJson(row.grantTypes),
      updatedAt: readDate(row.clientUpdatedAt),
    },
    session: row.sessionExpiresAt === null ? null : { expiresAt: readDate(row.sessionExpiresAt), endedAt: readOptionalDate(row.sessionEndedAt) },
    settingRows: settings.map((setting) => ({ key: setting.key, value: lean.dialect === "sqlite" ? readJson(setting.value) : setting.value })),
    clockOffsetSeconds: Number(row.offsetSeconds ?? 0),
    hostRevision: row.hostRevision === null ? null : Number(row.hostRevision),
    storedCheck: row.checkCheckedAt === null || row.checkSnapshotHash === null ? null : { checkedAt: readDate(row.checkCheckedAt), snapshotHash: row.checkSnapshotHash },
    faultQueued: readBoolean(row.faultQueued),
    selfPatientId: row.selfPatientId ?? null,
  };
}

export interface LeanIssuance {
  grantId: string;
  at: Date;
  /** The grant must still be active and hold this refresh token. */
  presentedRefreshTokenHash: string;
  /** Rotation: the grant's new refresh token; the presented one is kept as retired (reuse detection). */
  rotatedRefreshTokenHash?: string;
  accessToken: { jti: string; expiresAt: Date };
  event: EventInput;
}

/**
 * The issuance transaction of commit-issuance.ts for a refresh: the grant is updated only if it is still
 * active and still holds the presented token, and the other rows are written only together with it.
 * False when the grant changed since it was read (a revoke, a suspension or a rotation won the race).
 */
export async function commitLeanRefresh(lean: LeanDb, issuance: LeanIssuance): Promise<boolean> {
  const at = writeDate(issuance.at);
  const event = issuance.event;
  const eventRow = {
    id: randomUUID(),
    type: event.type,
    tenantId: event.tenantId ?? null,
    clientId: event.clientId ?? null,
    grantId: event.grantId ?? null,
    patientId: event.patientId ?? null,
    correlationId: event.correlationId ?? null,
    payload: JSON.stringify(event.payload),
    createdAt: writeDate(new Date()),
    sandboxAt: writeDate(event.sandboxAt),
  };
  const grantUpdate = { lastUsedAt: at, ...(issuance.rotatedRefreshTokenHash ? { refreshTokenHash: issuance.rotatedRefreshTokenHash } : {}) };
  const token = { jti: issuance.accessToken.jti, expiresAt: writeDate(issuance.accessToken.expiresAt) };

  if (lean.dialect === "sqlite") {
    const q = lean.sql;
    const statements = [
      q.updateTable("Grant").set(grantUpdate).where("id", "=", issuance.grantId).where("status", "=", "active").where("refreshTokenHash", "=", issuance.presentedRefreshTokenHash).compile(),
      ...(issuance.rotatedRefreshTokenHash ? [q.insertInto("RetiredRefreshToken").values({ tokenHash: issuance.presentedRefreshTokenHash, grantId: issuance.grantId, retiredAt: at }).compile()] : []),
      q.insertInto("AccessToken").values({ ...token, grantId: issuance.grantId }).compile(),
      q.insertInto("Event").values(eventRow).compile(),
    ];
    return (await lean.write(statements, ([updated]) => updated === 1)) !== null;
  }

  // PostgreSQL: one statement. Each insert selects from the update's RETURNING, so it writes a row only when the
  // grant was updated; the statement is atomic by itself. Values are cast: a bare parameter in a SELECT list is text.
  const timestamp = (value: string) => sql<string>`cast(${value} as timestamp(3))`;
  const text = (value: string | null) => sql<string>`cast(${value} as text)`;
  const statement = lean.sql
    .with("g", (q) =>
      q.updateTable("Grant").set(grantUpdate).where("id", "=", issuance.grantId).where("status", "=", "active").where("refreshTokenHash", "=", issuance.presentedRefreshTokenHash).returning("id"),
    )
    .with("retired", (q) =>
      q.insertInto("RetiredRefreshToken").columns(["tokenHash", "grantId", "retiredAt"]).expression((eb) =>
        eb
          .selectFrom("g")
          .select([text(issuance.presentedRefreshTokenHash).as("tokenHash"), "g.id as grantId", timestamp(at).as("retiredAt")])
          .where(sql<boolean>`cast(${issuance.rotatedRefreshTokenHash !== undefined} as boolean)`),
      ),
    )
    .with("token", (q) =>
      q.insertInto("AccessToken").columns(["jti", "grantId", "expiresAt"]).expression((eb) =>
        eb.selectFrom("g").select([text(token.jti).as("jti"), "g.id as grantId", timestamp(token.expiresAt).as("expiresAt")]),
      ),
    )
    .with("event", (q) =>
      q
        .insertInto("Event")
        .columns(["id", "type", "tenantId", "clientId", "grantId", "patientId", "correlationId", "payload", "createdAt", "sandboxAt"])
        .expression((eb) =>
          eb.selectFrom("g").select([
            text(eventRow.id).as("id"),
            text(eventRow.type).as("type"),
            text(eventRow.tenantId).as("tenantId"),
            text(eventRow.clientId).as("clientId"),
            text(eventRow.grantId).as("grantId"),
            text(eventRow.patientId).as("patientId"),
            text(eventRow.correlationId).as("correlationId"),
            sql<string>`cast(${eventRow.payload} as jsonb)`.as("payload"),
            timestamp(eventRow.createdAt).as("createdAt"),
            timestamp(eventRow.sandboxAt).as("sandboxAt"),
          ]),
        ),
    )
    .selectFrom("g")
    .select((eb) => eb.fn.countAll<string>().as("changed"))
    .compile();
  return (await lean.write([statement], ([updated]) => updated === 1)) !== null;
}
