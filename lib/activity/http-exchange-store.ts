// Stores and reads the Raw HTTP exchanges (rows built, secrets already removed, by http-exchange.ts).
// Storing is one statement that writes only when the tenant exists and has not turned `recordHttpExchanges` off,
// so a request pays one database call for it, with no separate read of the setting.
import { sql, type CompiledQuery } from "kysely";
import { lean, type Db } from "../db/client";
import type { LeanDb } from "../db/lean/lean-db";
import { writeDate } from "../db/lean/columns";
import { log } from "../log/logger";
import type { SettingKey } from "../settings/tenant-settings";
import { exchangeRow, snapshotResponse, type HttpExchangeRow, type RequestSnapshot } from "./http-exchange";

export const RECORD_SETTING: SettingKey = "recordHttpExchanges";

/** The columns of a kept exchange, in the order the inserts select them. */
export const EXCHANGE_COLUMNS = [
  "id",
  "tenantId",
  "correlationId",
  "startedAt",
  "durationMs",
  "method",
  "url",
  "requestHeaders",
  "requestBody",
  "status",
  "responseHeaders",
  "responseBody",
] as const;

/** The insert of `row`, only if its tenant exists and keeps exchanges (the setting's default is on). */
export function exchangeInsert(lean: LeanDb, row: HttpExchangeRow): CompiledQuery {
  const postgresql = lean.dialect === "postgresql";
  const text = (value: string) => sql<string>`cast(${value} as text)`;
  const integer = (value: number) => sql<number>`cast(${value} as integer)`;
  const timestamp = (value: Date) => (postgresql ? sql<string>`cast(${writeDate(value)} as timestamp(3))` : text(writeDate(value)));
  const off = postgresql ? sql<unknown>`cast('false' as jsonb)` : sql<unknown>`'false'`;
  return lean.sql
    .insertInto("HttpExchange")
    .columns(EXCHANGE_COLUMNS)
    .expression((eb) =>
      eb
        .selectFrom("Tenant")
        .select([
          text(row.id).as("id"),
          "Tenant.id as tenantId",
          text(row.correlationId).as("correlationId"),
          timestamp(row.startedAt).as("startedAt"),
          integer(row.durationMs).as("durationMs"),
          text(row.method).as("method"),
          text(row.url).as("url"),
          text(row.requestHeaders).as("requestHeaders"),
          text(row.requestBody).as("requestBody"),
          integer(row.status).as("status"),
          text(row.responseHeaders).as("responseHeaders"),
          text(row.responseBody).as("responseBody"),
        ])
        .where("Tenant.id", "=", row.tenantId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("Setting")
                .select("Setting.key")
                .where("Setting.tenantId", "=", row.tenantId)
                .where("Setting.key", "=", RECORD_SETTING)
                .where("Setting.value", "=", off),
            ),
          ),
        ),
    )
    .compile();
}

/** Stores one exchange; a failure is logged, never answered (the exchange itself already happened). */
export async function recordHttpExchange(lean: LeanDb, row: HttpExchangeRow): Promise<void> {
  try {
    await lean.write([exchangeInsert(lean, row)]);
  } catch (failure) {
    log.error({ correlationId: row.correlationId, err: failure }, "could not keep the HTTP exchange");
  }
}

export interface StoredExchange {
  correlationId: string;
  startedAt: Date;
  durationMs: number;
  method: string;
  url: string;
  requestHeaders: [string, string][];
  requestBody: string;
  status: number;
  responseHeaders: [string, string][];
  responseBody: string;
}

type Row = Awaited<ReturnType<Db["httpExchange"]["findMany"]>>[number];

function stored(row: Row): StoredExchange {
  return {
    correlationId: row.correlationId,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    method: row.method,
    url: row.url,
    requestHeaders: JSON.parse(row.requestHeaders),
    requestBody: row.requestBody,
    status: row.status,
    responseHeaders: JSON.parse(row.responseHeaders),
    responseBody: row.responseBody,
  };
}

export async function findExchange(db: Db, tenantId: string, correlationId: string): Promise<StoredExchange | null> {
  const row = await db.httpExchange.findFirst({ where: { tenantId, correlationId }, orderBy: { startedAt: "asc" } });
  return row ? stored(row) : null;
}

/** The exchanges of these correlation ids, oldest first. */
export async function exchangesOf(db: Db, tenantId: string, correlationIds: string[]): Promise<StoredExchange[]> {
  if (correlationIds.length === 0) return [];
  const rows = await db.httpExchange.findMany({
    where: { tenantId, correlationId: { in: correlationIds } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(stored);
}

/** Which of these correlation ids have a kept exchange (to link only to what exists). */
export async function correlationIdsWithExchanges(db: Db, tenantId: string, correlationIds: string[]): Promise<Set<string>> {
  if (correlationIds.length === 0) return new Set();
  const rows = await db.httpExchange.findMany({
    where: { tenantId, correlationId: { in: correlationIds } },
    select: { correlationId: true },
  });
  return new Set(rows.map((row) => row.correlationId));
}

/** Answers already kept by the code that answered them (the token endpoint's common path keeps its exchange in its own write). */
const keptByHandler = new WeakSet<Response>();

export function markKept(response: Response): Response {
  keptByHandler.add(response);
  return response;
}

/**
 * Keeps the exchange a route answered, under the correlation id the answer carries. Awaited by the route wrappers:
 * a script that reads the exchange right after its answer finds it.
 */
export async function keepExchange(tenantId: string | null, request: RequestSnapshot, response: Response): Promise<void> {
  const correlationId = response.headers.get("x-correlation-id");
  if (!tenantId || !correlationId || keptByHandler.has(response)) return;
  let row: HttpExchangeRow;
  try {
    row = exchangeRow(tenantId, correlationId, request, await snapshotResponse(response));
  } catch (failure) {
    // Whatever a request holds, keeping it must never change its answer.
    log.error({ correlationId, err: failure }, "could not prepare the HTTP exchange for keeping");
    return;
  }
  await recordHttpExchange(lean, row);
}

export interface ExchangeListItem {
  correlationId: string;
  startedAt: Date;
  method: string;
  url: string;
  status: number;
  durationMs: number;
}

/** The newest kept exchanges of a tenant (the console's Raw HTTP list). */
export async function recentExchanges(db: Db, tenantId: string, limit = 100): Promise<ExchangeListItem[]> {
  return db.httpExchange.findMany({
    where: { tenantId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { correlationId: true, startedAt: true, method: true, url: true, status: true, durationMs: true },
  });
}
