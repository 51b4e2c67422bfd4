// Shared edge of the FHIR routes: tenant check, token, OperationOutcome for every failure, one activity event per request
// and its Raw HTTP exchange (secrets removed).
import { randomUUID } from "node:crypto";
import { db, type Db } from "../db/client";
import { snapshotRequest } from "../activity/http-exchange";
import { keepExchange } from "../activity/http-exchange-store";
import { recordEvent } from "../activity/record-event";
import { sandboxNow } from "../clock/sandbox-clock";
import { findTenant } from "../tenancy/tenants";
import { authenticateFhirRequest, type FhirAccess } from "./fhir-access";
import { FhirError, fhirJson, operationOutcome } from "./fhir-errors";
import { log, logExchange } from "../log/logger";

export interface FhirOutcome {
  body: unknown;
  resourceType: string;
  interaction: "read" | "search";
  resultCount: number;
}

type Handler = (db: Db, tenantId: string, access: FhirAccess, request: Request) => Promise<FhirOutcome>;

export async function handleFhirRequest(
  request: Request,
  tenantId: string,
  description: { resourceType: string; interaction: "read" | "search" },
  handler: Handler,
): Promise<Response> {
  const correlationId = randomUUID();
  const snapshot = await snapshotRequest(request);
  let access: FhirAccess | null = null;
  let tenantKnown = false;
  let status = 200;
  let resultCount = 0;
  let response: Response;
  try {
    tenantKnown = !!(await findTenant(db, tenantId));
    if (!tenantKnown) throw new FhirError(404, "not-found", `no tenant "${tenantId}"`);
    access = await authenticateFhirRequest(db, tenantId, request);
    const outcome = await handler(db, tenantId, access, request);
    resultCount = outcome.resultCount;
    response = withCorrelationId(fhirJson(outcome.body), correlationId);
  } catch (error) {
    if (!(error instanceof FhirError)) log.error({ correlationId, err: error }, "FHIR request failed");
    const failure =
      error instanceof FhirError
        ? error
        : new FhirError(500, "exception", `the server failed to handle the request (correlation id ${correlationId})`);
    status = failure.status;
    response = withCorrelationId(operationOutcome(failure), correlationId);
  }
  logExchange(request, status, correlationId);
  await recordFhirEvent(request, { tenantId: tenantKnown ? tenantId : null, access, correlationId, description, status, resultCount });
  if (tenantKnown) await keepExchange(tenantId, snapshot, response);
  return response;
}

/** The activity event of a FHIR request; a failure to record it is logged, never answered. */
async function recordFhirEvent(
  request: Request,
  input: {
    tenantId: string | null;
    access: FhirAccess | null;
    correlationId: string;
    description: { resourceType: string; interaction: string };
    status: number;
    resultCount: number;
  },
): Promise<void> {
  try {
    const url = new URL(request.url);
    await recordEvent(db, {
      type: `fhir.${input.description.interaction}`,
      tenantId: input.tenantId,
      clientId: input.access?.claims.client_id ?? null,
      grantId: input.access?.claims.grant_id ?? null,
      patientId: input.access?.patientId ?? null,
      correlationId: input.correlationId,
      sandboxAt: input.tenantId ? await sandboxNow(db, input.tenantId) : new Date(),
      payload: {
        resourceType: input.description.resourceType,
        path: url.pathname,
        query: url.search,
        status: input.status,
        resultCount: input.resultCount,
      },
    });
  } catch (failure) {
    log.error({ correlationId: input.correlationId, err: failure }, "could not record the FHIR event");
  }
}

function withCorrelationId(response: Response, correlationId: string): Response {
  response.headers.set("X-Correlation-Id", correlationId);
  return response;
}
