// The control API's OpenAPI 3.1 document, generated from the same zod schemas that validate the routes (request
// bodies and query strings) plus the answer schemas below, so the document cannot drift from what is enforced.
import { z } from "zod";
import { settingsUpdateSchema } from "../settings/tenant-settings";
import { worldEditSchema } from "../trust/change-world";
import { clockInstructionSchema } from "./routes/clock-routes";
import { eventQueryShape } from "./routes/events-route";
import { nextAuthorizeSchema, nextTokenSchema } from "./routes/fault-routes";
import { ageGrantSchema, approveGrantSchema, grantListQuery } from "./routes/grant-routes";
import { scenarioBodySchema, trustSourceBodySchema } from "./routes/app-trust-routes";
import { createTenantSchema } from "./routes/tenant-routes";
import { probeBodySchema } from "./routes/probe-routes";

const change = z
  .object({
    code: z.string().describe("e.g. certificate.expired"),
    kind: z.enum(["identity", "acceptability", "fact"]),
    sentence: z.string().describe("for developers, precise (dates, fingerprints)"),
    patientSentence: z.string().optional().describe("what the error_uri page shows the patient, in plain words"),
  })
  .describe("A change since approval");
const grant = z.object({
  id: z.string(),
  clientId: z.string(),
  patientId: z.string(),
  personId: z.string(),
  username: z.string(),
  scope: z.string(),
  accessKind: z.enum(["offline", "online", "none"]),
  status: z.enum(["active", "suspended", "revoked"]),
  approvedAt: z.string(),
  lastUsedAt: z.string(),
  suspendedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  changes: z.array(change),
});
const tenant = z.object({
  tenantId: z.string(),
  name: z.string(),
  fhirBase: z.string(),
  discovery: z.string(),
  issuer: z.string(),
  patients: z.array(z.object({ id: z.string(), persona: z.string(), name: z.string(), birthDate: z.string() })),
  accounts: z.array(
    z.object({
      username: z.string(),
      password: z.string().optional(),
      displayName: z.string(),
      patients: z.array(z.object({ id: z.string(), relationship: z.string() })),
    }),
  ),
  settings: settingsUpdateSchema.required(),
  autoLogin: z.boolean(),
  demoApp: z.object({ client_id: z.string() }).optional(),
});
const clock = z.object({ now: z.string(), offsetSeconds: z.number().int() });
const evaluation = z.object({
  clientId: z.string(),
  source: z.enum(["simulated", "live"]).describe("where the facts came from"),
  checkedAt: z.string(),
  facts: z.unknown(),
  verdict: z.unknown(),
  findings: z.array(z.unknown()),
  snapshotHash: z.string(),
  changes: z.array(change).optional(),
});
const event = z.object({
  id: z.string(),
  type: z.string(),
  tenantId: z.string().nullable(),
  clientId: z.string().nullable(),
  grantId: z.string().nullable(),
  patientId: z.string().nullable(),
  correlationId: z.string().nullable(),
  payload: z.unknown(),
  createdAt: z.string(),
  sandboxAt: z.string(),
});
const settings = settingsUpdateSchema.required();
const queuedFault = z.object({
  clientId: z.string(),
  endpoint: z.enum(["token", "authorize"]),
  answer: z.string(),
  remaining: z.number().int(),
});
const scenario = z.object({ name: z.string(), description: z.string() });
const error = z.object({ error: z.string().describe("e.g. invalid_request, not_found, conflict"), message: z.string() });

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodRawShape;
  answer?: z.ZodType;
  status?: number;
}

const readinessAnswer = z.object({
  redirect_uri: z.string(),
  client_id: z.string(),
  client_name: z.string().nullable(),
  checked_at: z.string(),
  patient_sees: z.object({
    label: z.enum(["verified", "unknown"]),
    appName: z.string().nullable(),
    organization: z.string().nullable(),
    location: z.string().nullable(),
    domain: z.string(),
    validated: z.boolean(),
  }),
  ready: z.boolean().describe("true when patients would see a verified identity"),
  findings: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string(), fix: z.string().nullable() })),
  sources: z.unknown(),
  snapshot_hash: z.string().nullable(),
});

const headerPairs = z.array(z.tuple([z.string(), z.string()]));
const httpExchange = z.object({
  correlationId: z.string(),
  startedAt: z.string().describe("real time the request arrived"),
  durationMs: z.number().int(),
  method: z.string(),
  url: z.string(),
  requestHeaders: headerPairs,
  requestBody: z.string(),
  status: z.number().int(),
  responseHeaders: headerPairs,
  responseBody: z.string(),
});

const T = "/api/sandbox/tenants/{tenant}";
const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/sandbox/scenarios", summary: "The named trust scenarios (not about one tenant)", answer: z.array(scenario) },
  {
    method: "post",
    path: "/api/sandbox/tenants",
    summary: "Create an isolated tenant (own clock, settings, patients, apps, activity)",
    body: createTenantSchema,
    answer: tenant,
    status: 201,
  },
  { method: "get", path: T, summary: "The tenant: URLs, patients, accounts, settings", answer: tenant },
  { method: "delete", path: T, summary: "Delete the tenant and everything in it (not the default tenant)", status: 204 },
  { method: "get", path: `${T}/clock`, summary: "The tenant's sandbox time", answer: clock },
  { method: "post", path: `${T}/clock`, summary: "Advance, set or reset the tenant's clock", body: clockInstructionSchema, answer: clock },
  { method: "get", path: `${T}/settings`, summary: "The tenant's settings", answer: settings },
  { method: "patch", path: `${T}/settings`, summary: "Change some of the tenant's settings", body: settingsUpdateSchema, answer: settings },
  {
    method: "post",
    path: `${T}/reset`,
    summary: "This tenant back to how it was created",
    answer: z.object({ status: z.literal("reset"), tenantId: z.string() }),
  },
  {
    method: "get",
    path: `${T}/events`,
    summary: "The tenant's activity, newest first, keyset-paged",
    query: eventQueryShape,
    answer: z.object({ events: z.array(event), nextCursor: z.string().nullable() }),
  },
  {
    method: "get",
    path: `${T}/events/export`,
    summary: "The tenant's activity as JSON Lines (application/x-ndjson): one redacted event per line, oldest first, at most 10,000",
    query: {
      type: eventQueryShape.type,
      client: eventQueryShape.client,
      grant: eventQueryShape.grant,
      patient: eventQueryShape.patient,
      correlation: eventQueryShape.correlation,
      since: eventQueryShape.since,
    },
  },
  {
    method: "get",
    path: `${T}/exchanges/{correlationId}`,
    summary:
      "One kept HTTP exchange (Raw HTTP) by the X-Correlation-Id its answer carried: request and response, every token, code, secret, password and cookie already [redacted]",
    answer: z.object({ exchange: httpExchange }),
  },
  { method: "get", path: `${T}/apps/{clientId}/trust`, summary: "The app's trust as it is now", answer: evaluation },
  {
    method: "post",
    path: `${T}/apps/{clientId}/scenarios`,
    summary: "Apply a named scenario to the app's world",
    body: scenarioBodySchema,
    answer: evaluation,
  },
  {
    method: "patch",
    path: `${T}/apps/{clientId}/world`,
    summary: "Custom edit of the app's world",
    body: worldEditSchema,
    answer: evaluation,
  },
  {
    method: "put",
    path: `${T}/apps/{clientId}/trust-source`,
    summary:
      "Where the app's trust checks look: its simulated world, or its real https redirect URI host (live); the switch is itself a change",
    body: trustSourceBodySchema,
    answer: evaluation.extend({
      previousSource: z.enum(["simulated", "live"]),
      wouldSuspend: z.number().int().describe("active grants the tenant's policy will pause at their next refresh"),
    }),
  },
  {
    method: "post",
    path: `${T}/apps/{clientId}/next-token`,
    summary: "The app's next token requests answer this fault",
    body: nextTokenSchema,
    answer: queuedFault,
    status: 201,
  },
  {
    method: "post",
    path: `${T}/apps/{clientId}/next-authorize`,
    summary: "The app's next authorize requests redirect back with this error",
    body: nextAuthorizeSchema,
    answer: queuedFault,
    status: 201,
  },
  {
    method: "get",
    path: `${T}/grants`,
    summary: "Grants of the tenant",
    query: grantListQuery,
    answer: z.object({ grants: z.array(grant) }),
  },
  {
    method: "post",
    path: `${T}/grants`,
    summary: "Approve as the patient would; answer a code or tokens",
    body: approveGrantSchema,
    answer: z.object({
      grant,
      code: z.string().optional(),
      code_verifier: z.string().optional(),
      redirect_uri: z.string().optional(),
      tokens: z.record(z.string(), z.unknown()).optional(),
    }),
    status: 201,
  },
  { method: "get", path: `${T}/grants/{grantId}`, summary: "One grant", answer: grant },
  {
    method: "get",
    path: `${T}/grants/{grantId}/har`,
    summary:
      "The grant's HTTP exchanges as a HAR 1.2 file (application/json): authorize, consent, token requests (refused ones included), FHIR calls; secrets redacted",
  },
  {
    method: "post",
    path: `${T}/grants/{grantId}/suspend`,
    summary: "Suspend the grant, as the console's force-suspend does",
    answer: grant,
  },
  {
    method: "post",
    path: `${T}/grants/{grantId}/reapprove`,
    summary: "Re-approve a suspended grant as the patient would (fresh snapshot; refused after 90 days unused)",
    answer: grant,
  },
  { method: "post", path: `${T}/grants/{grantId}/reinstate`, summary: "Reinstate a suspended grant, as the console does", answer: grant },
  { method: "post", path: `${T}/grants/{grantId}/revoke`, summary: "Revoke the grant and its access tokens", answer: grant },
  {
    method: "post",
    path: `${T}/grants/{grantId}/age`,
    summary: "Move the grant's last use back (instead of the tenant's clock)",
    body: ageGrantSchema,
    answer: grant,
  },
  {
    method: "post",
    path: `${T}/probe`,
    summary: "Live TLS and DNS check of a real redirect URI's host: what patients would see and what to fix",
    body: probeBodySchema,
    answer: readinessAnswer,
  },
];

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** e.g. "get /api/sandbox/tenants/{tenant}/grants/{grantId}" → "getTenantGrant", "get …/grants" → "getTenantGrants". */
function operationId(op: Operation): string {
  const segments = op.path.replace("/api/sandbox/", "").split("/");
  const words = segments.flatMap((segment, i) => {
    if (segment.startsWith("{")) return [];
    const named = segments[i + 1]?.startsWith("{") ? segment.replace(/s$/, "") : segment;
    return [named.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase())];
  });
  return op.method + words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
}

function operation(op: Operation) {
  const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const queryParameters = Object.entries(op.query ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema: jsonSchema(schema as z.ZodType),
  }));
  const status = String(op.status ?? 200);
  return {
    operationId: operationId(op),
    summary: op.summary,
    ...(pathParameters.length + queryParameters.length ? { parameters: [...pathParameters, ...queryParameters] } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses: {
      [status]: { description: "Success", ...(op.answer ? { content: { "application/json": { schema: jsonSchema(op.answer) } } } : {}) },
      "4XX": { description: "A client error; nothing changed", content: { "application/json": { schema: jsonSchema(error) } } },
    },
  };
}

export function controlApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "SMART Trust Sandbox control API",
      version: "2.0.0",
      description:
        "JSON in and out. Name the tenant in the path (/api/sandbox/tenants/{tenant}/…); the older paths without it (/api/sandbox/clock, /settings, /reset, /events, /apps/{clientId}/…) are aliases that act on the default tenant and are not listed again. With SANDBOX_ADMIN_PASSWORD set, send Authorization: Bearer <password>. Unknown fields and query parameters are refused.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        adminPassword: { type: "http", scheme: "bearer", description: "SANDBOX_ADMIN_PASSWORD, when the sandbox has one" },
      },
    },
    // The password is needed only when the sandbox has one: either way is a valid request.
    security: [{ adminPassword: [] }, {}],
    paths,
  };
}

export const CONTROL_API_OPERATIONS = OPERATIONS.map(({ method, path, summary }) => ({ method, path, summary }));
