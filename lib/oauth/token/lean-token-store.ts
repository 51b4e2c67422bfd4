// The lean token path's two database calls (lean-refresh.ts, lean-code-exchange.ts): one read that brings everything
// the checks need — the grant (found by its refresh token or by a code), the code, its client, its sign-in session,
// the tenant's settings and clock, the app's world revision and stored trust check, whether a fault is queued, the
// person's own patient id — and one write that re-checks and records the token response. Kysely, both databases.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { jsonArrayFrom as sqliteJsonArrayFrom } from "kysely/helpers/sqlite";
import { jsonArrayFrom as postgresqlJsonArrayFrom } from "kysely/helpers/postgres";
import type { LeanDb } from "../../db/lean/lean-db";
import { readBoolean, readDate, readJson, readOptionalDate, writeDate } from "../../db/lean/columns";
import type { EventInput } from "../../activity/record-event";
import type { HttpExchangeRow } from "../../activity/http-exchange";
import { EXCHANGE_COLUMNS, exchangeInsert } from "../../activity/http-exchange-store";

export interface GrantContextRow {
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
    trustSource: string;
  };
  session: { expiresAt: Date; endedAt: Date | null } | null;
  settingRows: { key: string; value: unknown }[];
  clockOffsetSeconds: number;
  hostRevision: number | null;
  storedCheck: { checkedAt: Date; snapshotHash: string } | null;
  faultQueued: boolean;
  selfPatientId: string | null;
  /** When the grant was found by a code: the code. */
  code: {
    codeHash: string;
    clientId: string;
    redirectUri: string;
    codeChallenge: string | null;
    nonce: string | null;
    expiresAt: Date;
    usedAt: Date | null;
  } | null;
}

/**
 * The grant that holds this refresh token, or that this code was issued for, in this tenant, with its whole
 * context; null when there is none.
 */
export async function readGrantContext(
  lean: LeanDb,
  tenantId: string,
  by: { refreshTokenHash: string } | { codeHash: string },
): Promise<GrantContextRow | null> {
  const jsonArrayFrom = lean.dialect === "sqlite" ? sqliteJsonArrayFrom : postgresqlJsonArrayFrom;
  const codeHash = "codeHash" in by ? by.codeHash : null;
  const query = lean.sql
    .selectFrom("Grant as g")
    .innerJoin("Client as c", "c.id", "g.clientId")
    .leftJoin("AuthorizationCode as ac", (join) => join.onRef("ac.grantId", "=", "g.id").on("ac.codeHash", "=", codeHash ?? ""))
    .leftJoin("LoginSession as s", "s.id", "g.loginSessionId")
    .leftJoin("SandboxClock as k", "k.id", "g.tenantId")
    .leftJoin("TrustHost as h", "h.clientId", "g.clientId")
    .leftJoin("TrustCheck as tc", "tc.clientId", "g.clientId")
    .select([
      "g.id",
      "g.tenantId",
      "g.clientId",
      "g.personId",
      "g.patientId",
      "g.scope",
      "g.accessKind",
      "g.status",
      "g.snapshotHash",
      "g.lastUsedAt",
      "g.loginSessionId",
      "c.tenantId as clientTenantId",
      "c.clientName",
      "c.secretHash",
      "c.tokenEndpointAuthMethod",
      "c.redirectUris",
      "c.scope as clientScope",
      "c.grantTypes",
      "c.updatedAt as clientUpdatedAt",
      "c.trustSource",
      "s.expiresAt as sessionExpiresAt",
      "s.endedAt as sessionEndedAt",
      "k.offsetSeconds",
      "h.revision as hostRevision",
      "tc.checkedAt as checkCheckedAt",
      "tc.snapshotHash as checkSnapshotHash",
      "ac.codeHash",
      "ac.clientId as codeClientId",
      "ac.redirectUri as codeRedirectUri",
      "ac.codeChallenge",
      "ac.nonce as codeNonce",
      "ac.expiresAt as codeExpiresAt",
      "ac.usedAt as codeUsedAt",
    ])
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom("Setting as st").select(["st.key", "st.value"]).whereRef("st.tenantId", "=", "g.tenantId")).as(
        "settings",
      ),
      eb
        .exists(
          eb.selectFrom("QueuedFault as f").select("f.id").whereRef("f.clientId", "=", "g.clientId").where("f.endpoint", "=", "token"),
        )
        .as("faultQueued"),
      eb
        .selectFrom("PatientAccess as pa")
        .select("pa.patientId")
        .whereRef("pa.personId", "=", "g.personId")
        .where("pa.relationship", "=", "self")
        .orderBy("pa.patientId")
        .limit(1)
        .as("selfPatientId"),
    ])
    .$if(codeHash === null, (q) => q.where("g.refreshTokenHash", "=", (by as { refreshTokenHash: string }).refreshTokenHash))
    .$if(codeHash !== null, (q) =>
      q.where("g.id", "=", (eb) => eb.selectFrom("AuthorizationCode").select("grantId").where("codeHash", "=", codeHash!)),
    )
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
      trustSource: row.trustSource,
    },
    session:
      row.sessionExpiresAt === null ? null : { expiresAt: readDate(row.sessionExpiresAt), endedAt: readOptionalDate(row.sessionEndedAt) },
    settingRows: settings.map((setting) => ({
      key: setting.key,
      value: lean.dialect === "sqlite" ? readJson(setting.value) : setting.value,
    })),
    clockOffsetSeconds: Number(row.offsetSeconds ?? 0),
    hostRevision: row.hostRevision === null ? null : Number(row.hostRevision),
    storedCheck:
      row.checkCheckedAt === null || row.checkSnapshotHash === null
        ? null
        : { checkedAt: readDate(row.checkCheckedAt), snapshotHash: row.checkSnapshotHash },
    faultQueued: readBoolean(row.faultQueued),
    selfPatientId: row.selfPatientId ?? null,
    code:
      row.codeHash === null
        ? null
        : {
            codeHash: row.codeHash,
            clientId: row.codeClientId!,
            redirectUri: row.codeRedirectUri!,
            codeChallenge: row.codeChallenge,
            nonce: row.codeNonce,
            expiresAt: readDate(row.codeExpiresAt!),
            usedAt: readOptionalDate(row.codeUsedAt),
          },
  };
}

export interface LeanIssuance {
  grantId: string;
  at: Date;
  /** Code exchange: the code is marked used here, and only if it was not already. */
  claimCodeHash?: string;
  /** Refresh: the grant must still hold this refresh token. */
  presentedRefreshTokenHash?: string;
  /** The grant's new refresh token (code exchange; refresh with rotation). */
  newRefreshTokenHash?: string;
  /** Rotation: the presented token is kept as retired (reuse detection). */
  retirePresented?: boolean;
  accessToken: { jti: string; expiresAt: Date };
  events: EventInput[];
  /** The Raw HTTP record of this token request (when the tenant keeps exchanges), written with the rest. */
  exchange?: HttpExchangeRow;
}

/** Builds the Raw HTTP record of the token response with this body. */
export type KeepExchange = (body: Record<string, unknown>) => HttpExchangeRow;

function eventRow(event: EventInput) {
  return {
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
}

/**
 * The issuance transaction of commit-issuance.ts on the lean path: the code (if any) is claimed only if unused, the
 * grant updated only if still active (and, on refresh, still holding the presented token), and the other rows are
 * written only together with both. False when something changed since the read (a revoke, a suspension, a rotation
 * or another exchange of the code won the race): nothing was written.
 */
export async function commitLeanIssuance(lean: LeanDb, issuance: LeanIssuance): Promise<boolean> {
  const at = writeDate(issuance.at);
  const events = issuance.events.map(eventRow);
  const grantUpdate = { lastUsedAt: at, ...(issuance.newRefreshTokenHash ? { refreshTokenHash: issuance.newRefreshTokenHash } : {}) };
  const token = { jti: issuance.accessToken.jti, expiresAt: writeDate(issuance.accessToken.expiresAt) };
  const retired = issuance.retirePresented && issuance.presentedRefreshTokenHash ? issuance.presentedRefreshTokenHash : null;
  const q = lean.sql;
  const claim = issuance.claimCodeHash
    ? [
        q
          .updateTable("AuthorizationCode")
          .set({ usedAt: at })
          .where("codeHash", "=", issuance.claimCodeHash)
          .where("usedAt", "is", null)
          .compile(),
      ]
    : [];
  const grantStillActive = q
    .updateTable("Grant")
    .set(grantUpdate)
    .where("id", "=", issuance.grantId)
    .where("status", "=", "active")
    .$if(issuance.presentedRefreshTokenHash !== undefined, (update) =>
      update.where("refreshTokenHash", "=", issuance.presentedRefreshTokenHash!),
    );
  const allWritten = (counts: number[]) => counts.slice(0, claim.length + 1).every((count) => count === 1);

  if (lean.dialect === "sqlite") {
    const statements = [
      ...claim,
      grantStillActive.compile(),
      ...(retired
        ? [q.insertInto("RetiredRefreshToken").values({ tokenHash: retired, grantId: issuance.grantId, retiredAt: at }).compile()]
        : []),
      q
        .insertInto("AccessToken")
        .values({ ...token, grantId: issuance.grantId })
        .compile(),
      ...events.map((event) => q.insertInto("Event").values(event).compile()),
      ...(issuance.exchange ? [exchangeInsert(lean, issuance.exchange)] : []),
    ];
    return (await lean.write(statements, allWritten)) !== null;
  }

  // PostgreSQL: the grant update and every insert in one statement. Each insert selects from the update's RETURNING,
  // so it writes a row only when the grant was updated. Values are cast: a bare parameter in a SELECT list is text.
  const timestamp = (value: string) => sql<string>`cast(${value} as timestamp(3))`;
  const text = (value: string | null) => sql<string>`cast(${value} as text)`;
  const statement = q
    .with("g", () => grantStillActive.returning("id"))
    .with("retired", (w) =>
      w
        .insertInto("RetiredRefreshToken")
        .columns(["tokenHash", "grantId", "retiredAt"])
        .expression((eb) =>
          eb
            .selectFrom("g")
            .select([text(retired).as("tokenHash"), "g.id as grantId", timestamp(at).as("retiredAt")])
            .where(sql<boolean>`cast(${retired !== null} as boolean)`),
        ),
    )
    .with("token", (w) =>
      w
        .insertInto("AccessToken")
        .columns(["jti", "grantId", "expiresAt"])
        .expression((eb) =>
          eb.selectFrom("g").select([text(token.jti).as("jti"), "g.id as grantId", timestamp(token.expiresAt).as("expiresAt")]),
        ),
    )
    .with("events", (w) =>
      w
        .insertInto("Event")
        .columns(["id", "type", "tenantId", "clientId", "grantId", "patientId", "correlationId", "payload", "createdAt", "sandboxAt"])
        .expression((eb) => {
          const row = (event: (typeof events)[number]) =>
            eb
              .selectFrom("g")
              .select([
                text(event.id).as("id"),
                text(event.type).as("type"),
                text(event.tenantId).as("tenantId"),
                text(event.clientId).as("clientId"),
                text(event.grantId).as("grantId"),
                text(event.patientId).as("patientId"),
                text(event.correlationId).as("correlationId"),
                sql<string>`cast(${event.payload} as jsonb)`.as("payload"),
                timestamp(event.createdAt).as("createdAt"),
                timestamp(event.sandboxAt).as("sandboxAt"),
              ]);
          return events.slice(1).reduce((rows, event) => rows.unionAll(row(event)), row(events[0]));
        }),
    );
  const exchange = issuance.exchange;
  const kept = exchange ?? { id: "", tenantId: "", correlationId: "", method: "", url: "", requestHeaders: "", requestBody: "" };
  const withExchange = statement.with("exchange", (w) =>
    w
      .insertInto("HttpExchange")
      .columns(EXCHANGE_COLUMNS)
      .expression((eb) =>
        eb
          .selectFrom("g")
          .select([
            text(kept.id).as("id"),
            text(kept.tenantId).as("tenantId"),
            text(kept.correlationId).as("correlationId"),
            timestamp(writeDate(exchange?.startedAt ?? issuance.at)).as("startedAt"),
            sql<number>`cast(${exchange?.durationMs ?? 0} as integer)`.as("durationMs"),
            text(kept.method).as("method"),
            text(kept.url).as("url"),
            text(kept.requestHeaders).as("requestHeaders"),
            text(kept.requestBody).as("requestBody"),
            sql<number>`cast(${exchange?.status ?? 0} as integer)`.as("status"),
            text(exchange?.responseHeaders ?? "").as("responseHeaders"),
            text(exchange?.responseBody ?? "").as("responseBody"),
          ])
          .where(sql<boolean>`cast(${exchange !== undefined} as boolean)`),
      ),
  );
  const write = withExchange
    .selectFrom("g")
    .select((eb) => eb.fn.countAll<string>().as("changed"))
    .compile();
  return (await lean.write([...claim, write], allWritten)) !== null;
}
