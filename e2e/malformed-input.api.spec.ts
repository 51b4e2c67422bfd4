// Malformed input over HTTP: a seeded fast-check run sends 2,000+ junk requests to every endpoint family and
// expects each answer below 500 and, for a client error, in the endpoint's own format (see CLIENT_ERROR_FORMAT).
// Nothing valid that changes state is sent: never /api/sandbox/reset, and the clock, settings, scenario and world
// endpoints only get bodies they must refuse (mightChangeState() drops anything that could be accepted).
// Repeat a run with FUZZ_SEED=<seed> (printed at the end). Plain fetch, not the request fixture: it keeps raw
// percent-encoding in paths, can omit Content-Type, repeat a header, and leaves redirects alone.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { DEFAULT_TENANT_ID, E2E_BASE_URL } from "./support/e2e-environment";

const DEFAULT_SEED = 20_261_129;
const SEED = readSeed(process.env.FUZZ_SEED);
const CONCURRENCY = 8;
const MINIMUM_REQUESTS = 2_000;

const T = DEFAULT_TENANT_ID;
const OAUTH = `/tenants/${T}/protocols/oauth2/profiles/smart-v1`;
const FHIR = `/r4/${T}`;
const DEMO_CLIENT = "demo-patient-app";
const DEMO_REDIRECT = `${E2E_BASE_URL}/demo/api/auth/callback/sandbox`;
const FHIR_BASE = `${E2E_BASE_URL}${FHIR}`;
const ISSUER = `${E2E_BASE_URL}/tenants/${T}/oidc/idsps/${T}/`;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

function readSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${raw}"`);
  return seed;
}

// ---------------------------------------------------------------------------------------------------------------
// What a client error must look like, per endpoint family. Every answer must also be < 500, and a 3xx must say
// where to (Location). The family comes from the path actually sent (ROUTES below), so percent-encoding junk in a
// tenant, type, id or client segment is still held to its endpoint's format (proxy.ts rewrites an undecodable path
// to /api/malformed-path/{family}); junk in a fixed segment names no endpoint, so it only has to stay below 500.

type Family = "oauth" | "authorize" | "fhir" | "smart-discovery" | "control" | "page" | "unrouted";

interface Answer {
  status: number;
  contentType: string;
  location: string | null;
  text: string;
}

const CLIENT_ERROR_FORMAT: Record<Family, { expected: string; accepts: (answer: Answer) => boolean }> = {
  // Token, revoke, introspect, register, JWKS, OpenID discovery. A bodiless 4xx (e.g. Next's 405) has no format to get wrong.
  oauth: { expected: 'JSON with a string "error" (or no body)', accepts: (a) => a.text === "" || hasStringError(a) },
  // Browser-facing: errors before redirect_uri is trusted are pages; JSON, if any, must be an OAuth error.
  authorize: { expected: 'a page, or JSON with a string "error"', accepts: (a) => !isJson(a) || hasStringError(a) },
  fhir: { expected: 'JSON OperationOutcome ("resourceType": "OperationOutcome")', accepts: isOperationOutcome },
  "smart-discovery": {
    expected: 'JSON with a string "error", or an OperationOutcome',
    accepts: (a) => hasStringError(a) || isOperationOutcome(a),
  },
  control: { expected: 'JSON with a string "error"', accepts: hasStringError },
  page: { expected: "a page or a redirect to one", accepts: () => true },
  unrouted: { expected: "anything below 500", accepts: () => true },
};

/** Mirrors the app's routes (static before dynamic, as Next matches them); `[^/]+` is a dynamic segment. */
const ROUTES: [RegExp, Family, string][] = [
  [/^\/r4\/[^/]+\/\.well-known\/smart-configuration$/, "smart-discovery", "SMART discovery"],
  [/^\/r4\/[^/]+\/metadata$/, "fhir", "FHIR metadata"],
  [/^\/r4\/[^/]+\/[^/]+$/, "fhir", "FHIR search"],
  [/^\/r4\/[^/]+\/[^/]+\/[^/]+$/, "fhir", "FHIR read"],
  [/^\/tenants\/[^/]+\/oidc\/idsps\/[^/]+\/\.well-known\/openid-configuration$/, "oauth", "OpenID discovery"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/personas\/patient\/authorize$/, "authorize", "authorize"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/token$/, "oauth", "token"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/token\/revoke$/, "oauth", "revoke"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/tokeninfo$/, "oauth", "introspect"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/jwk$/, "oauth", "JWKS"],
  [/^\/tenants\/[^/]+\/protocols\/oauth2\/profiles\/smart-v1\/register$/, "oauth", "register"],
  [/^\/api\/sandbox\/(clock|settings|events|scenarios)$/, "control", "control API"],
  [/^\/api\/sandbox\/apps\/[^/]+\/(trust|scenarios|world)$/, "control", "control API app"],
  [/^\/errors\/[^/]+\/instances\/[^/]+$/, "page", "error page"],
];

function routeOf(pathname: string): { family: Family; endpoint: string } {
  for (const [pattern, family, endpoint] of ROUTES) if (pattern.test(pathname)) return { family, endpoint };
  return { family: "unrouted", endpoint: "unrouted" };
}

function isJson(answer: Answer): boolean {
  return /json/i.test(answer.contentType);
}

function jsonOf(answer: Answer): unknown {
  if (!isJson(answer)) return undefined;
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

function hasStringError(answer: Answer): boolean {
  const body = jsonOf(answer) as { error?: unknown } | undefined;
  return typeof body === "object" && body !== null && typeof body.error === "string";
}

function isOperationOutcome(answer: Answer): boolean {
  const body = jsonOf(answer) as { resourceType?: unknown } | undefined;
  return typeof body === "object" && body !== null && body.resourceType === "OperationOutcome";
}

// ---------------------------------------------------------------------------------------------------------------
// Junk.

interface Probe {
  /** What the request was aimed at, for the failure summary. */
  target: string;
  method: string;
  /** Path and query, sent as-is (raw percent-encoding stays raw). */
  path: string;
  headers?: [string, string][];
  /** A Uint8Array is sent without any Content-Type. */
  body?: string | Uint8Array;
}

const PROTOTYPE_KEYS = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
  "prototype",
];
const PERCENT_JUNK = ["%zz", "%", "%E0%A4%A", "%00"];
const ODD_STRINGS = [
  ...PROTOTYPE_KEYS,
  ...PERCENT_JUNK,
  "",
  " ",
  "\t",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "true",
  "[]",
  "{}",
  "\u0000",
  "\uFEFF",
  "é",
  "😀",
  "\u202E",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "${jndi:ldap://x/a}",
  "{{7*7}}",
  "x".repeat(5_000),
];
const HEADER_ODDITIES = ["", "é", "x".repeat(6_000), "a, b", "\tb", "null", "%zz", "%00", "Bearer", "Basic", "Bearer  Bearer"];

function junk(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength }) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  );
}

/** Junk usable as one path segment once encoded ("." and ".." would be resolved away by the URL parser). */
const segmentJunk = junk().filter((value) => value !== "" && value !== "." && value !== "..");
/** Header values must be ByteStrings without CR, LF or NUL. */
const headerJunk: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_ODDITIES) },
);
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function encodeSegment(value: string): string {
  return encodeURIComponent(value);
}

/** A query string kept under Node's header limit (16 KiB for the request line and headers together). */
function query(pairs: [string, string][], maxLength = 7_000): string {
  const kept = [...pairs];
  let text = new URLSearchParams(kept).toString();
  while (text.length > maxLength && kept.length) {
    kept.pop();
    text = new URLSearchParams(kept).toString();
  }
  return text ? `?${text}` : "";
}

function pairs(names: readonly string[], values: fc.Arbitrary<string> = junk(), maxLength = 8): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: junk(12) }), values), {
    maxLength,
  });
}

const RAW_FORM_JUNK = [
  "grant_type=%zz",
  "%=%",
  "=&=&",
  "&&&",
  "grant_type=refresh_token&%E0%A4%A=1",
  "grant_type=%00&client_id=%00",
  "grant_type",
  "=",
  "grant_type=refresh_token;client_id=x",
  "grant_type=refresh_token&grant_type=authorization_code",
  "token=%&client_id=%",
  "client_id=demo-patient-app&token=%E0%A4%A",
  "\u0000",
  "grant_type=refresh_token%26client_id%3Dx",
  "+++=+++",
  "a=1&".repeat(5_000),
];

const formContentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(FORM) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      `${FORM}; charset=utf-8`,
      `${FORM};charset=ISO-8859-1`,
      FORM.toUpperCase(),
      `${FORM}x`,
      `${FORM};;;`,
      `${FORM}, ${JSON_TYPE}`,
      JSON_TYPE,
      "text/plain",
      "multipart/form-data; boundary=xyz",
      "application/xml",
      "*/*",
      "",
      "form",
      "application/octet-stream",
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

const basicJunk: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "Basic",
      "Basic !!!",
      "Basic ====",
      "basic Og==",
      `BASIC ${b64("a:b")}`,
      "Bearer x",
      `Basic ${b64("nocolon")}`,
      `Basic ${b64(":")}`,
      `Basic ${b64("%zz:%zz")}`,
      `Basic ${b64("%E0%A4%A:x")}`,
      `Basic ${b64(`${DEMO_CLIENT}:`)}`,
      `Basic ${b64(`${DEMO_CLIENT}:wrong`)}`,
      `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x00]).toString("base64")}`,
      `Basic ${"A".repeat(6_000)}`,
      "Digest username=x",
      "Basic YWJj YWJj",
      `Basic\t${b64("a:b")}`,
      `Basic ${b64(`${"constructor"}:${"__proto__"}`)}`,
      `Basic ${b64("a:b")}===`,
    ),
  },
  { weight: 2, arbitrary: fc.tuple(junk(20), junk(20)).map(([id, secret]) => `Basic ${b64(`${id}:${secret}`)}`) },
  { weight: 1, arbitrary: headerJunk.map((value) => `Basic ${value}`) },
);

const oddClaim: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** Compact JWTs that look like this server's (kid from its JWKS, right iss/aud) but are not signed by it; odd claim types. */
function forgedJwt(kids: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      header: fc.record(
        {
          alg: fc.constantFrom("ES256", "RS256", "HS256", "none", "None", "ES512", "PS256", ""),
          kid: fc.oneof(fc.constantFrom(...kids), oddClaim),
          typ: fc.constantFrom("at+jwt", "JWT", ""),
          crit: fc.constant(["b64"]),
          b64: fc.boolean(),
        },
        { requiredKeys: ["alg"] },
      ),
      payload: fc.record(
        {
          jti: oddClaim,
          iss: fc.oneof(fc.constant(ISSUER), oddClaim),
          aud: fc.oneof(fc.constant(FHIR_BASE), oddClaim),
          exp: fc.oneof(fc.integer(), oddClaim),
          sub: oddClaim,
          client_id: fc.oneof(fc.constant(DEMO_CLIENT), oddClaim),
          grant_id: oddClaim,
          patient: oddClaim,
          scope: oddClaim,
        },
        { requiredKeys: [] },
      ),
      signature: fc.uint8Array({ maxLength: 96 }),
    })
    .map(({ header, payload, signature }) => `${b64url(header)}.${b64url(payload)}.${Buffer.from(signature).toString("base64url")}`);
}

/** A form body in one of several shapes: well-formed, raw junk, a 5,000-character value, a 70 kB body, or JSON. */
function formBody(
  fields: [string, string][],
  shape: string,
  raw: string,
  contentType: string | null,
): { body: string | Uint8Array; headers: [string, string][] } {
  let text: string;
  if (shape === "raw") text = raw;
  else if (shape === "json") text = JSON.stringify(Object.fromEntries(fields));
  else if (shape === "huge-value")
    text = new URLSearchParams([
      ...fields,
      ["refresh_token", "r".repeat(5_000)],
      ["scope", "patient/Observation.read ".repeat(400)],
    ]).toString();
  else if (shape === "huge-body") text = new URLSearchParams([...fields, ["padding", "p".repeat(70_000)]]).toString();
  else text = new URLSearchParams(fields).toString();
  return contentType === null ? { body: Buffer.from(text), headers: [] } : { body: text, headers: [["content-type", contentType]] };
}

const FORM_SHAPE = fc.constantFrom("form", "form", "form", "form", "raw", "huge-value", "huge-body", "json");

function tokenProbes(kids: readonly string[]): fc.Arbitrary<Probe> {
  const grantType = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("authorization_code", "refresh_token") },
    { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "password",
        "client_credentials",
        "implicit",
        "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "AUTHORIZATION_CODE",
        "refresh_token ",
        "authorization_code,refresh_token",
      ),
    },
    { weight: 2, arbitrary: junk() },
  );
  // Half the requests are well-formed forms from the (public) demo app, so the junk reaches the grant handlers.
  const wellFormed = fc
    .record({
      grantType: fc.constantFrom("authorization_code", "refresh_token"),
      credential: fc.oneof(junk(), forgedJwt(kids)),
      redirectUri: fc.oneof(fc.constant(DEMO_REDIRECT), junk()),
      verifier: fc.oneof(fc.constant("v".repeat(43)), junk()),
      scope: fc.oneof(fc.constantFrom("patient/Patient.read", "patient/*.read", "offline_access openid"), junk()),
    })
    .map(({ grantType, credential, redirectUri, verifier, scope }): Probe => {
      const fields: [string, string][] = [
        ["grant_type", grantType],
        ["client_id", DEMO_CLIENT],
      ];
      if (grantType === "authorization_code") fields.push(["code", credential], ["redirect_uri", redirectUri], ["code_verifier", verifier]);
      else fields.push(["refresh_token", credential], ["scope", scope]);
      return {
        target: "token",
        method: "POST",
        path: `${OAUTH}/token`,
        headers: [["content-type", FORM]],
        body: new URLSearchParams(fields).toString(),
      };
    });
  const anything = fc
    .record({
      grantType: fc.option(grantType, { nil: undefined, freq: 8 }),
      clientId: fc.oneof(fc.constant(DEMO_CLIENT), fc.constant(undefined), junk()),
      credential: fc.oneof(junk(), forgedJwt(kids)),
      extra: pairs([
        "code",
        "redirect_uri",
        "code_verifier",
        "refresh_token",
        "scope",
        "client_secret",
        "client_id",
        "grant_type",
        "client_assertion",
        "client_assertion_type",
      ]),
      duplicate: fc.boolean(),
      shape: FORM_SHAPE,
      raw: fc.oneof(fc.constantFrom(...RAW_FORM_JUNK), junk(200)),
      contentType: formContentType,
      authorization: fc.option(basicJunk, { nil: undefined, freq: 3 }),
    })
    .map(({ grantType, clientId, credential, extra, duplicate, shape, raw, contentType, authorization }): Probe => {
      const fields: [string, string][] = [];
      if (grantType !== undefined) fields.push(["grant_type", grantType]);
      if (clientId !== undefined) fields.push(["client_id", clientId]);
      fields.push([grantType === "authorization_code" ? "code" : "refresh_token", credential], ...extra);
      if (duplicate && fields.length) fields.push(fields[0]);
      const { body, headers } = formBody(fields, shape, raw, contentType);
      if (authorization !== undefined) headers.push(["authorization", authorization]);
      return { target: "token", method: "POST", path: `${OAUTH}/token`, headers, body };
    });
  return fc.oneof(wellFormed, anything);
}

/** Revocation (RFC 7009) and introspection (RFC 7662): the demo app is public, so client_id alone authenticates it. */
function tokenManagementProbes(endpoint: "token/revoke" | "tokeninfo", kids: readonly string[]): fc.Arbitrary<Probe> {
  const target = endpoint === "tokeninfo" ? "introspect" : "revoke";
  const token = fc.oneof({ weight: 2, arbitrary: forgedJwt(kids) }, { weight: 2, arbitrary: junk() });
  const hint = fc.oneof(fc.constantFrom("access_token", "refresh_token", ...PROTOTYPE_KEYS), junk());
  // Half are well-formed requests from the (public) demo app, so the junk token reaches the handler itself.
  const wellFormed = fc.tuple(token, fc.option(hint, { nil: undefined, freq: 2 })).map(([value, typeHint]): Probe => {
    const fields: [string, string][] = [
      ["token", value],
      ["client_id", DEMO_CLIENT],
    ];
    if (typeHint !== undefined) fields.push(["token_type_hint", typeHint]);
    return {
      target,
      method: "POST",
      path: `${OAUTH}/${endpoint}`,
      headers: [["content-type", FORM]],
      body: new URLSearchParams(fields).toString(),
    };
  });
  const anything = fc
    .record({
      token: fc.option(token, { nil: undefined, freq: 6 }),
      hint: fc.option(hint, { nil: undefined, freq: 2 }),
      clientId: fc.oneof(
        { weight: 3, arbitrary: fc.constant(DEMO_CLIENT) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: junk() },
      ),
      extra: pairs(["token", "token_type_hint", "client_id", "client_secret"], junk(), 4),
      duplicate: fc.boolean(),
      shape: FORM_SHAPE,
      raw: fc.oneof(fc.constantFrom(...RAW_FORM_JUNK), junk(200)),
      contentType: formContentType,
      authorization: fc.option(basicJunk, { nil: undefined, freq: 4 }),
    })
    .map(({ token, hint, clientId, extra, duplicate, shape, raw, contentType, authorization }): Probe => {
      const fields: [string, string][] = [];
      if (token !== undefined) fields.push(["token", token]);
      if (hint !== undefined) fields.push(["token_type_hint", hint]);
      if (clientId !== undefined) fields.push(["client_id", clientId]);
      fields.push(...extra);
      if (duplicate && fields.length) fields.push(fields[0]);
      const { body, headers } = formBody(fields, shape, raw, contentType);
      if (authorization !== undefined) headers.push(["authorization", authorization]);
      return { target, method: "POST", path: `${OAUTH}/${endpoint}`, headers, body };
    });
  return fc.oneof(wellFormed, anything);
}

/** Fixed cases that once answered (or still answer) 500: prototype keys as grant_type, JWT claims of the wrong type. */
function regressionProbes(kids: readonly string[]): Probe[] {
  const form = (target: string, endpoint: string, fields: Record<string, string>): Probe => ({
    target,
    method: "POST",
    path: `${OAUTH}/${endpoint}`,
    headers: [["content-type", FORM]],
    body: new URLSearchParams(fields).toString(),
  });
  const probes = PROTOTYPE_KEYS.map((grantType) =>
    form("token", "token", { grant_type: grantType, client_id: DEMO_CLIENT, refresh_token: "x" }),
  );
  for (const jti of [1, true, { equals: "x" }, ["a"], { not: null }, 1e308]) {
    const token = `${b64url({ alg: "ES256", kid: kids[0] })}.${b64url({ jti, iss: ISSUER, aud: FHIR_BASE, client_id: DEMO_CLIENT, grant_id: jti, exp: 4_102_444_800 })}.${b64url("signature")}`;
    probes.push(
      form("revoke", "token/revoke", { token, client_id: DEMO_CLIENT }),
      form("introspect", "tokeninfo", { token, client_id: DEMO_CLIENT }),
    );
    probes.push({
      target: "FHIR read",
      method: "GET",
      path: `${FHIR}/Patient/ava-rivera`,
      headers: [["authorization", `Bearer ${token}`]],
    });
  }
  return probes;
}

/** Redirect URIs registration must refuse whatever surrounds them (so no junk registration ever creates an app). */
const refusedRedirectUri = fc.oneof(
  fc.constantFrom(
    "http://example.com/cb",
    "javascript:alert(1)",
    "data:text/html,x",
    "https://a.example.com/cb#frag",
    "not a uri",
    "",
    "//x.example.com/cb",
    "https://",
    "ftp://x.example.com/cb",
    "file:///etc/passwd",
    "https://[::1/cb",
    "https://a b.example.com/cb",
    "http://127.0.0.2/cb",
    "http://localhost.evil.example/cb",
  ),
  junk(30).map((tail) => `http://example.com/${tail}`),
);

function registerProbes(): fc.Arbitrary<Probe> {
  const metadata = fc.record(
    {
      client_name: fc.oneof(junk(), fc.integer(), fc.constant(null), fc.constant("n".repeat(101)), fc.constantFrom(...PROTOTYPE_KEYS)),
      redirect_uris: fc.oneof(
        { weight: 3, arbitrary: fc.array(refusedRedirectUri, { minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.oneof(junk(), fc.constant(null), fc.constant([]), fc.array(fc.integer(), { maxLength: 2 })) },
      ),
      token_endpoint_auth_method: fc.oneof(
        fc.constantFrom("none", "client_secret_basic", "private_key_jwt", "tls_client_auth", "", ...PROTOTYPE_KEYS),
        junk(),
      ),
      scope: fc.oneof(junk(), fc.constant("patient/*.read launch ".repeat(200)), fc.integer()),
      grant_types: fc.oneof(
        fc.array(fc.constantFrom("authorization_code", "refresh_token", "implicit", "password", "__proto__"), { maxLength: 3 }),
        junk(),
      ),
      response_types: fc.oneof(fc.array(fc.constantFrom("code", "token", "id_token"), { maxLength: 2 }), junk()),
      organization: fc.oneof(
        fc.record({ name: junk(), country: junk(4), state: junk(), locality: junk() }, { requiredKeys: [] }),
        junk(),
        fc.constant(null),
      ),
      public_hostname: fc.oneof(
        junk(),
        fc.constantFrom("localhost", "-a.example.com", "a..b", "ex ample.com", `${"a".repeat(64)}.com`, "xn--.com"),
      ),
      baseline: fc.oneof(
        fc.record(
          { certificate_type: fc.constantFrom("EV", "ov", "", "constructor"), txt_record: fc.oneof(fc.boolean(), junk()) },
          { requiredKeys: [] },
        ),
        junk(),
      ),
      contacts: fc.oneof(fc.array(junk(), { maxLength: 3 }), junk()),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    { weight: 4, arbitrary: metadata.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: junk(200) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "{",
        '{"client_name":',
        "[".repeat(50_000),
        '{"__proto__":{"client_name":"x"},"redirect_uris":["http://example.com"]}',
        "\uFEFF{}",
        "null",
        '"string"',
        '{"redirect_uris": "https://a.example.com/cb"}',
      ),
    },
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant(JSON_TYPE) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `${JSON_TYPE}; charset=utf-8`,
        "APPLICATION/JSON",
        "application/jsonp",
        "application/json-patch+json",
        FORM,
        "text/plain",
        "text/json",
        "multipart/form-data; boundary=x",
        "",
      ),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.tuple(body, contentType).map(([text, type]) => ({
    target: "register",
    method: "POST",
    path: `${OAUTH}/register`,
    headers: type === null ? [] : [["content-type", type]],
    body: type === null ? Buffer.from(text) : text,
  }));
}

/** Registrations whose organization (or, without one, client name) starts with "#": X.509 reads that as hex DER. */
function hashNameRegistrations(): Probe[] {
  const base = {
    redirect_uris: ["https://fuzz-registration.example.com/cb"],
    token_endpoint_auth_method: "none",
    scope: "launch/patient openid patient/Patient.read",
  };
  const organization = { name: "Fuzz Co", country: "US", state: "CA", locality: "San Diego" };
  const bodies = [
    { ...base, client_name: "#zz" },
    { ...base, client_name: "#" },
    { ...base, client_name: "  #00" },
    { ...base, client_name: "Fuzz", organization: { ...organization, name: "#zz" } },
    { ...base, client_name: "Fuzz", organization: { ...organization, state: "#" } },
    { ...base, client_name: "Fuzz", organization: { ...organization, locality: "#0" } },
  ];
  return bodies.map((body) => ({
    target: "register",
    method: "POST",
    path: `${OAUTH}/register`,
    headers: [["content-type", JSON_TYPE]],
    body: JSON.stringify(body),
  }));
}

const AUTHORIZE_PARAMETERS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "aud",
  "code_challenge",
  "code_challenge_method",
  "launch",
  "nonce",
];

function authorizeProbes(): fc.Arbitrary<Probe> {
  const value: Record<string, fc.Arbitrary<string>> = {
    response_type: fc.oneof(fc.constant("code"), fc.constantFrom("token", "id_token", "code id_token", "CODE", ...PROTOTYPE_KEYS), junk()),
    client_id: fc.oneof(
      { weight: 3, arbitrary: fc.constant(DEMO_CLIENT) },
      { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
      { weight: 2, arbitrary: junk() },
    ),
    redirect_uri: fc.oneof(
      fc.constantFrom(
        DEMO_REDIRECT,
        `${DEMO_REDIRECT}?x=%zz`,
        `${DEMO_REDIRECT}?%E0%A4%A`,
        `${DEMO_REDIRECT}#frag`,
        `${DEMO_REDIRECT}/..`,
        "https://evil.example.com/cb",
      ),
      junk(),
    ),
    scope: fc.oneof(
      fc.constantFrom(
        "launch/patient openid fhirUser offline_access patient/Patient.read",
        "patient/*.read",
        "launch",
        "patient/constructor.read",
        "patient/Patient.write",
        "offline_access online_access",
        "openid ".repeat(60),
      ),
      junk(),
    ),
    state: junk(),
    aud: fc.oneof(fc.constantFrom(FHIR_BASE, `${FHIR_BASE}/`, `${FHIR_BASE}//`, FHIR_BASE.toUpperCase()), junk()),
    code_challenge: fc.oneof(fc.constant("a".repeat(43)), fc.constant("a".repeat(44)), junk()),
    code_challenge_method: fc.oneof(fc.constantFrom("S256", "plain", "s256"), junk()),
    launch: junk(),
    nonce: junk(),
  };
  const parameters = fc.array(
    fc.constantFrom(...AUTHORIZE_PARAMETERS).chain((name) => value[name].map((v): [string, string] => [name, v])),
    { maxLength: 12 },
  );
  // Half start from a complete, valid request of the demo app and spoil one to three parameters, so the checks after
  // the redirect URI is trusted run too (answering with a redirect back to the demo app).
  const valid: Record<string, string> = {
    response_type: "code",
    client_id: DEMO_CLIENT,
    redirect_uri: DEMO_REDIRECT,
    scope: "launch/patient openid fhirUser offline_access patient/Patient.read",
    state: "fuzz-state",
    aud: FHIR_BASE,
    code_challenge: "c".repeat(43),
    code_challenge_method: "S256",
  };
  const spoiled = fc
    .array(
      fc
        .constantFrom(...AUTHORIZE_PARAMETERS.filter((name) => name !== "client_id" && name !== "redirect_uri"))
        .chain((name) => value[name].map((v): [string, string] => [name, v])),
      { minLength: 1, maxLength: 3 },
    )
    .map((changes): [string, string][] => Object.entries({ ...valid, ...Object.fromEntries(changes) }));
  const rawQuery = fc.constantFrom(
    "?client_id=%zz",
    "?%=%",
    "?client_id=demo-patient-app&scope=%E0%A4%A",
    "?state=%00&client_id=%00",
    "?&&&=",
    "?client_id",
    `?client_id=${DEMO_CLIENT}&client_id=${DEMO_CLIENT}`,
  );
  return fc
    .record({
      method: fc.constantFrom("GET", "GET", "POST"),
      fields: fc.oneof(parameters, spoiled),
      junkExtra: pairs(["foo", "response_mode", "request", "request_uri", "prompt"], junk(), 2),
      raw: fc.option(rawQuery, { nil: undefined, freq: 5 }),
      contentType: formContentType,
    })
    .map(({ method, fields, junkExtra, raw, contentType }) => {
      const all = [...fields, ...junkExtra];
      const path = `${OAUTH}/personas/patient/authorize`;
      if (method === "GET") return { target: "authorize GET", method, path: `${path}${raw ?? query(all)}` };
      const text = raw ? raw.slice(1) : new URLSearchParams(all).toString();
      return {
        target: "authorize POST",
        method,
        path,
        headers: contentType === null ? [] : [["content-type", contentType]],
        body: contentType === null ? Buffer.from(text) : text,
      };
    });
}

const FHIR_TYPES = [
  "Patient",
  "Observation",
  "Condition",
  "AllergyIntolerance",
  "MedicationRequest",
  "Immunization",
  "Encounter",
  "Practitioner",
  "Organization",
];
const FHIR_PARAMETERS = [
  "patient",
  "subject",
  "_id",
  "category",
  "code",
  "date",
  "clinical-status",
  "status",
  "_count",
  "_offset",
  "_summary",
  "_format",
  "vaccine-code",
  "_elements",
  "_include",
  "_revinclude",
  "_sort",
  "_has:Observation:patient:code",
];
const FHIR_VALUES = fc.oneof(
  { weight: 3, arbitrary: junk() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "ge2024-13-45",
      "eq2024-02-30",
      "lt",
      "2024-01-01T25:61",
      "ge99999",
      "0",
      "-1",
      "1e3",
      "201",
      "999999999999999999999",
      "count",
      "Patient/",
      "Patient/ava-rivera",
      "http://loinc.org|",
      "|",
      ",,,",
      "ava-rivera,ava-rivera",
    ),
  },
);
const TENANT_SEGMENT = fc.oneof(
  { weight: 8, arbitrary: fc.constant(T) },
  { weight: 1, arbitrary: fc.constantFrom(T.toUpperCase(), `${T}x`, "00000000-0000-0000-0000-000000000000", "default", ...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: segmentJunk },
);

function bearerJunk(kids: readonly string[]): fc.Arbitrary<[string, string][]> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 2, arbitrary: forgedJwt(kids).map((token): [string, string][] => [["authorization", `Bearer ${token}`]]) },
    { weight: 1, arbitrary: headerJunk.map((token): [string, string][] => [["authorization", `Bearer ${token}`]]) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "Bearer",
          "bearer   a.b.c",
          "Basic YTpi",
          "Bearer a.b.c",
          `Bearer ${"e".repeat(8_000)}`,
          "Bearer ===",
          "Bearer .",
          "Bearer x y",
        )
        .map((value): [string, string][] => [["authorization", value]]),
    },
    {
      weight: 1,
      arbitrary: fc.constant<[string, string][]>([
        ["authorization", "Bearer a.b.c"],
        ["authorization", "Bearer d.e.f"],
      ]),
    },
  );
}

function fhirProbes(kids: readonly string[]): fc.Arbitrary<Probe> {
  const type = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FHIR_TYPES) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...PROTOTYPE_KEYS,
        "metadata",
        ".well-known",
        "patient",
        "PATIENT",
        "Patient ",
        "Bundle",
        "OperationOutcome",
        "_history",
        "$everything",
        "Patient.json",
      ),
    },
    { weight: 2, arbitrary: segmentJunk },
  );
  const id = fc.oneof(
    { weight: 3, arbitrary: segmentJunk },
    {
      weight: 1,
      arbitrary: fc.constantFrom("ava-rivera", "-", "a".repeat(65), "1.2.3", "$everything", "_history", "ava-rivera ", "AVA-RIVERA"),
    },
  );
  return fc
    .record({
      tenant: TENANT_SEGMENT,
      type,
      id: fc.option(id, { nil: undefined, freq: 2 }),
      parameters: pairs(FHIR_PARAMETERS, FHIR_VALUES, 6),
      headers: bearerJunk(kids),
      accept: fc.option(
        fc.constantFrom("application/fhir+xml", "application/xml", "*/*", "text/html", "application/fhir+json; fhirVersion=3.0"),
        { nil: undefined, freq: 4 },
      ),
    })
    .map(({ tenant, type, id, parameters, headers, accept }) => {
      const path = `/r4/${encodeSegment(tenant)}/${encodeSegment(type)}${id === undefined ? "" : `/${encodeSegment(id)}`}`;
      return {
        target: id === undefined ? "FHIR search" : "FHIR read",
        method: "GET",
        path: `${path}${id === undefined ? query(parameters) : query(parameters.slice(0, 2))}`,
        headers: accept === undefined ? headers : [...headers, ["accept", accept]],
      };
    });
}

function discoveryProbes(): fc.Arbitrary<Probe> {
  return fc
    .record({
      which: fc.constantFrom("metadata", "smart", "openid", "openid-idsp", "jwks"),
      tenant: TENANT_SEGMENT,
      idsp: segmentJunk,
      extra: pairs(["_format", "mode", "kid", "x"], junk(), 3),
    })
    .map(({ which, tenant, idsp, extra }) => {
      const t = encodeSegment(tenant);
      const path = {
        metadata: `/r4/${t}/metadata`,
        smart: `/r4/${t}/.well-known/smart-configuration`,
        openid: `/tenants/${t}/oidc/idsps/${t}/.well-known/openid-configuration`,
        "openid-idsp": `/tenants/${t}/oidc/idsps/${encodeSegment(idsp)}/.well-known/openid-configuration`,
        jwks: `/tenants/${t}/protocols/oauth2/profiles/smart-v1/jwk`,
      }[which];
      return { target: `discovery ${which}`, method: "GET", path: `${path}${query(extra)}` };
    });
}

/** Wrong methods and preflights at the OAuth endpoints (Next answers 405 without a body, OPTIONS 204). */
function methodProbes(): Probe[] {
  const endpoints = ["token", "token/revoke", "tokeninfo", "register", "jwk"];
  const probes: Probe[] = [];
  for (const endpoint of endpoints) {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      if (endpoint === "jwk" && method === "GET") continue;
      probes.push({
        target: `${endpoint} ${method}`,
        method,
        path: `${OAUTH}/${endpoint}`,
        ...(method === "GET" ? {} : { headers: [["content-type", FORM]], body: "grant_type=refresh_token" }),
      });
    }
    probes.push({
      target: `${endpoint} OPTIONS`,
      method: "OPTIONS",
      path: `${OAUTH}/${endpoint}`,
      headers: [
        ["origin", "https://evil.example.com"],
        ["access-control-request-method", "POST"],
        ["access-control-request-headers", "authorization, x-junk, %zz"],
      ],
    });
  }
  probes.push({
    target: "openid-configuration POST",
    method: "POST",
    path: `/tenants/${T}/oidc/idsps/${T}/.well-known/openid-configuration`,
    headers: [["content-type", JSON_TYPE]],
    body: "{}",
  });
  return probes;
}

// Control API. Bodies for clock, settings and the demo app's scenarios/world are always refusable; valid-shaped
// bodies only go to client ids that do not exist.

const CONTROL_CONTENT_TYPE: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(JSON_TYPE) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      `${JSON_TYPE}; charset=utf-8`,
      "application/jsonp",
      "APPLICATION/JSON",
      "text/plain",
      FORM,
      "multipart/form-data; boundary=x",
      "text/json",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);
/** Values no setting, clock field or world field accepts (no booleans, no non-negative integers, no enum members). */
const refusedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ min: 0.01, max: 0.99 }),
  fc.constantFrom(1e12, 1.5, null, "", "true", "1", "P1D", "STRICT", [], {}, [true], { value: true }),
  junk(20).filter((text) => !["strict", "identity"].includes(text)),
);
/** Raw text that never parses to a JSON object (an object might be a valid, state-changing body). */
const nonObjectText = fc
  .oneof(junk(200), fc.constantFrom("{", '{"a":', "[".repeat(50_000), "null", "[]", "1", '"x"', "\uFEFF", "{'a':1}", "{}}", '{"a":1}x'))
  .filter((text) => !parsesToObject(text));

function parsesToObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A body that fails a strict zod object schema whatever the schema's fields: an unknown key, or not an object at all. */
function refusedBody(knownKeys: readonly string[]): fc.Arbitrary<string> {
  const withUnknownKey = fc
    .tuple(fc.dictionary(fc.constantFrom(...knownKeys), refusedValue, { maxKeys: 3 }), junk(12), fc.jsonValue({ maxDepth: 2 }))
    .map(([known, key, value]) => JSON.stringify({ ...known, [`__fuzz_${key}`]: value }));
  const wrongTypes = fc
    .dictionary(fc.constantFrom(...knownKeys), refusedValue, { minKeys: 1, maxKeys: 3 })
    .map((value) => JSON.stringify(value));
  return fc.oneof(
    withUnknownKey,
    wrongTypes,
    nonObjectText,
    fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => JSON.stringify(value))
      .filter((text) => !parsesToObject(text)),
  );
}

const SETTING_KEYS = [
  "suspensionPolicy",
  "checkCacheSeconds",
  "accessTokenLifetimeSeconds",
  "refreshTokenRotation",
  "pkceRequired",
  "errorDescription",
  "wildcardScopesAllowed",
  "suspendOnlineAccess",
  "refreshMinIntervalSeconds",
  "authorizationResponseIss",
];
const WORLD_KEYS = ["chainPem", "txtRecords", "tlsVersions", "reachable"];
/** advance values no clock can reach: the date they give is beyond what a Date can hold (so they must be refused). */
const UNREPRESENTABLE_ADVANCES = [
  "P9999999999999999999Y",
  "-P9999999999999999999Y",
  "P300000Y",
  "-P300000Y",
  `P${"9".repeat(400)}D`,
  `PT${"9".repeat(400)}S`,
];

function controlProbes(scenarioNames: readonly string[]): fc.Arbitrary<Probe> {
  const unknownClient = segmentJunk.filter((id) => id !== DEMO_CLIENT && !/^[0-9a-f-]{36}$/i.test(id));
  const junkScenario = junk().filter((name) => !scenarioNames.includes(name));
  const scenarioBody = fc.oneof(
    junkScenario.map((scenario) => JSON.stringify({ scenario })),
    refusedBody(["scenario"]),
  );
  const worldBody = fc.oneof(
    refusedBody(WORLD_KEYS),
    fc.constantFrom(
      "{}",
      '{"chainPem":"not a certificate"}',
      '{"chainPem":"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"}',
      '{"tlsVersions":["SSLv2"]}',
      '{"txtRecords":[""]}',
      '{"reachable":"no"}',
    ),
    junk(60).map((pem) => JSON.stringify({ chainPem: `-----BEGIN CERTIFICATE-----\n${pem}\n-----END CERTIFICATE-----` })),
  );
  const clockBody = fc.oneof(
    refusedBody(["advance", "set", "reset"]),
    junk()
      .filter((text) => !text.includes("P"))
      .map((advance) => JSON.stringify({ advance })),
    junk()
      .filter((text) => !/\d{4}-\d{2}-\d{2}T/.test(text))
      .map((set) => JSON.stringify({ set })),
    fc.constantFrom(...UNREPRESENTABLE_ADVANCES).map((advance) => JSON.stringify({ advance })),
    // Before the earliest sandbox time, or not a date at all.
    fc
      .constantFrom("1999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2027-13-01T00:00:00Z", "2027-01-01T24:61:00Z")
      .map((set) => JSON.stringify({ set })),
    fc.constantFrom('{"reset":false}', '{"reset":"true"}', '{"reset":1}', '{"advance":"","set":""}', '{"advance":null,"reset":null}'),
  );
  type Request = Omit<Probe, "headers" | "body"> & { body?: string };
  const request: fc.Arbitrary<Request> = fc.oneof(
    {
      weight: 2,
      arbitrary: unknownClient.map((id): Request => ({
        target: "control trust",
        method: "GET",
        path: `/api/sandbox/apps/${encodeSegment(id)}/trust`,
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.oneof(fc.constant(DEMO_CLIENT), unknownClient), scenarioBody, fc.constantFrom(...scenarioNames), fc.boolean())
        .map(([id, body, name, realName]): Request => ({
          target: "control scenarios",
          method: "POST",
          path: `/api/sandbox/apps/${encodeSegment(id)}/scenarios`,
          // A real scenario name only ever goes to an app that does not exist.
          body: id !== DEMO_CLIENT && realName ? JSON.stringify({ scenario: name }) : body,
        })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.oneof(fc.constant(DEMO_CLIENT), unknownClient), worldBody).map(([id, body]): Request => ({
        target: "control world",
        method: "PATCH",
        path: `/api/sandbox/apps/${encodeSegment(id)}/world`,
        body,
      })),
    },
    {
      weight: 3,
      arbitrary: clockBody.map((body): Request => ({ target: "control clock", method: "POST", path: "/api/sandbox/clock", body })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(refusedBody(SETTING_KEYS), fc.option(junk(), { nil: undefined, freq: 3 })).map(([body, tenant]): Request => ({
        target: "control settings",
        method: "PATCH",
        path: `/api/sandbox/settings${tenant === undefined ? "" : query([["tenant", tenant]])}`,
        body,
      })),
    },
    {
      weight: 1,
      arbitrary: pairs(["tenant"], junk(), 2).map((parameters): Request => ({
        target: "control settings",
        method: "GET",
        path: `/api/sandbox/settings${query(parameters)}`,
      })),
    },
    {
      weight: 2,
      arbitrary: pairs(
        ["client", "grant", "patient", "type", "limit"],
        fc.oneof(junk(), fc.constantFrom("0", "501", "-1", "1.5", "1e2", "x".repeat(201))),
        5,
      ).map((parameters): Request => ({ target: "control events", method: "GET", path: `/api/sandbox/events${query(parameters)}` })),
    },
    {
      weight: 1,
      arbitrary: pairs(["x", "name"], junk(), 2).map((parameters): Request => ({
        target: "control scenarios list",
        method: "GET",
        path: `/api/sandbox/scenarios${query(parameters)}`,
      })),
    },
    {
      weight: 1,
      arbitrary: pairs(["x"], junk(), 2).map((parameters): Request => ({
        target: "control clock",
        method: "GET",
        path: `/api/sandbox/clock${query(parameters)}`,
      })),
    },
  );
  return fc.tuple(request, CONTROL_CONTENT_TYPE, headerJunk).map(([probe, contentType, authorization]): Probe => {
    const headers: [string, string][] = [["authorization", `Bearer ${authorization}`]];
    if (probe.body === undefined) return { ...probe, headers };
    if (contentType === null) return { ...probe, headers, body: Buffer.from(probe.body) };
    return { ...probe, headers: [...headers, ["content-type", contentType]], body: probe.body };
  });
}

function errorPageProbes(realErrorPath: string | null): fc.Arbitrary<Probe> {
  const real = realErrorPath ? new URL(realErrorPath, E2E_BASE_URL) : null;
  const [, , realUrn = "urn%3Ax", , realId = "00000000-0000-0000-0000-000000000000"] = real ? real.pathname.split("/") : [];
  return fc
    .record({
      urn: fc.oneof(
        fc.constant(realUrn),
        fc.constant(decodeURIComponent(realUrn)),
        segmentJunk.map(encodeSegment),
        fc.constant(encodeSegment(realUrn)),
      ),
      id: fc.oneof(fc.constant(realId), fc.constant(realId.toUpperCase()), segmentJunk.map(encodeSegment), fc.constant(`${realId}x`)),
      parameters: pairs(["client", "tenant", "result"], junk(), 4),
    })
    .map(({ urn, id, parameters }) => ({
      target: "error page",
      method: "GET",
      path: `/errors/${urn}/instances/${id}${query(parameters)}`,
    }));
}

/** Every route, with each path segment replaced by (or suffixed with) each kind of percent-encoding junk. */
function percentJunkProbes(realErrorPath: string | null): Probe[] {
  const form = (fields: Record<string, string>): Pick<Probe, "headers" | "body"> => ({
    headers: [["content-type", FORM]],
    body: new URLSearchParams(fields).toString(),
  });
  const json = (text: string): Pick<Probe, "headers" | "body"> => ({ headers: [["content-type", JSON_TYPE]], body: text });
  const errorSegments = realErrorPath
    ? new URL(realErrorPath, E2E_BASE_URL).pathname.slice(1).split("/")
    : ["errors", "urn%3Ax", "instances", "00000000-0000-0000-0000-000000000000"];
  const templates: { segments: string[]; method: string; search?: string; request?: Pick<Probe, "headers" | "body"> }[] = [
    { segments: ["r4", T, "metadata"], method: "GET" },
    { segments: ["r4", T, "Patient"], method: "GET", search: "?_count=1" },
    { segments: ["r4", T, "Observation", "obs-1"], method: "GET", request: { headers: [["authorization", "Bearer a.b.c"]] } },
    { segments: ["r4", T, ".well-known", "smart-configuration"], method: "GET" },
    { segments: ["tenants", T, "oidc", "idsps", T, ".well-known", "openid-configuration"], method: "GET" },
    { segments: [...OAUTH.slice(1).split("/"), "jwk"], method: "GET" },
    {
      segments: [...OAUTH.slice(1).split("/"), "token"],
      method: "POST",
      request: form({ grant_type: "refresh_token", refresh_token: "x", client_id: DEMO_CLIENT }),
    },
    { segments: [...OAUTH.slice(1).split("/"), "token", "revoke"], method: "POST", request: form({ token: "x", client_id: DEMO_CLIENT }) },
    { segments: [...OAUTH.slice(1).split("/"), "tokeninfo"], method: "POST", request: form({ token: "x", client_id: DEMO_CLIENT }) },
    { segments: [...OAUTH.slice(1).split("/"), "register"], method: "POST", request: json("{}") },
    {
      segments: [...OAUTH.slice(1).split("/"), "personas", "patient", "authorize"],
      method: "GET",
      search: `?client_id=${DEMO_CLIENT}&response_type=code`,
    },
    {
      segments: [...OAUTH.slice(1).split("/"), "personas", "patient", "authorize"],
      method: "POST",
      request: form({ client_id: DEMO_CLIENT }),
    },
    { segments: ["api", "sandbox", "apps", DEMO_CLIENT, "trust"], method: "GET" },
    { segments: ["api", "sandbox", "apps", DEMO_CLIENT, "scenarios"], method: "POST", request: json('{"scenario":"not-a-scenario"}') },
    { segments: ["api", "sandbox", "apps", DEMO_CLIENT, "world"], method: "PATCH", request: json('{"__fuzz":true}') },
    { segments: ["api", "sandbox", "clock"], method: "POST", request: json('{"__fuzz":true}') },
    { segments: ["api", "sandbox", "settings"], method: "GET" },
    { segments: ["api", "sandbox", "events"], method: "GET" },
    { segments: ["api", "sandbox", "scenarios"], method: "GET" },
    { segments: errorSegments, method: "GET" },
  ];
  const probes: Probe[] = [];
  for (const template of templates) {
    const target = `percent junk ${template.method} /${template.segments.slice(0, 2).join("/")}/…/${template.segments.at(-1)}`;
    template.segments.forEach((segment, index) => {
      for (const bad of PERCENT_JUNK) {
        for (const replacement of [bad, `${segment}${bad}`]) {
          const segments = template.segments.map((s, i) => (i === index ? replacement : s));
          probes.push({ target, method: template.method, path: `/${segments.join("/")}${template.search ?? ""}`, ...template.request });
        }
      }
    });
  }
  // Percent junk in query strings too.
  for (const search of ["?%zz=%", "?patient=%E0%A4%A", "?_count=%00", "?%=%zz&_id=%"]) {
    probes.push({
      target: "percent junk query FHIR search",
      method: "GET",
      path: `${FHIR}/Observation${search}`,
      headers: [["authorization", "Bearer a.b.c"]],
    });
    probes.push({ target: "percent junk query events", method: "GET", path: `/api/sandbox/events${search}` });
    probes.push({
      target: "percent junk query authorize",
      method: "GET",
      path: `${OAUTH}/personas/patient/authorize${search}&client_id=${DEMO_CLIENT}`,
    });
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------------------------
// Safety: nothing sent may be a valid request that changes the sandbox.

const ISO_DURATION = /^\s*(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/;

function mightChangeState(probe: Probe, scenarioNames: readonly string[]): boolean {
  const path = new URL(probe.path, E2E_BASE_URL).pathname;
  if (/reset/i.test(path)) return true;
  if (!path.startsWith("/api/") || probe.method === "GET") return false;
  const text = typeof probe.body === "string" ? probe.body : probe.body ? Buffer.from(probe.body).toString("utf8") : "";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  const keys = Object.keys(fields);
  const demoApp = path.includes(`/apps/${DEMO_CLIENT}/`) || !/\/apps\//.test(path);
  if (path.endsWith("/clock")) {
    if (keys.length !== 1) return false;
    if (typeof fields.advance === "string") return ISO_DURATION.test(fields.advance) && !UNREPRESENTABLE_ADVANCES.includes(fields.advance);
    if (typeof fields.set === "string") return !(Date.parse(fields.set) < Date.UTC(2000, 0, 1)) && !Number.isNaN(Date.parse(fields.set));
    return fields.reset === true;
  }
  if (path.endsWith("/settings")) return keys.every((key) => SETTING_KEYS.includes(key) && isPlausibleSetting(fields[key]));
  if (path.endsWith("/scenarios")) return demoApp && typeof fields.scenario === "string" && scenarioNames.includes(fields.scenario);
  if (path.endsWith("/world"))
    return demoApp && keys.length > 0 && keys.every((key) => WORLD_KEYS.includes(key) && isPlausibleWorldValue(key, fields[key]));
  return false;
}

function isPlausibleWorldValue(key: string, value: unknown): boolean {
  if (key === "reachable") return typeof value === "boolean";
  // A real certificate chain is hundreds of characters; the junk PEM blocks sent here are far shorter.
  if (key === "chainPem") return typeof value === "string" && value.length > 300;
  if (key === "txtRecords") return Array.isArray(value) && value.every((record) => typeof record === "string" && record.length > 0);
  return Array.isArray(value) && value.every((version) => typeof version === "string" && /^TLSv1(\.[0-3])?$/.test(version));
}

function isPlausibleSetting(value: unknown): boolean {
  return (
    typeof value === "boolean" ||
    value === "strict" ||
    value === "identity" ||
    (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 604_800)
  );
}

/** Node answers 431 itself (before the app) when the request line and headers pass 16 KiB; keep well under it. */
function fitsNodeHeaderLimit(probe: Probe): boolean {
  const headers = (probe.headers ?? []).reduce((total, [name, value]) => total + name.length + Buffer.byteLength(value, "latin1") + 4, 0);
  return probe.path.length + headers <= 12_000;
}

// ---------------------------------------------------------------------------------------------------------------
// Running.

interface Context {
  kids: string[];
  realErrorPath: string | null;
  scenarioNames: string[];
}

const KNOWN_SCENARIOS = [
  "certificate-expired",
  "certificate-renewed",
  "certificate-downgraded-dv",
  "certificate-organization-changed",
  "certificate-self-signed",
  "certificate-untrusted-issuer",
  "certificate-revoked",
  "certificate-hostname-mismatch",
  "tls-legacy-only",
  "dns-txt-removed",
  "dns-txt-wrong-client",
  "host-unreachable",
  "restore-baseline",
];

/** Reads what the junk is built around: the JWKS key ids, one real error_uri, and the scenario names never to apply. */
async function discover(): Promise<Context> {
  const jwks = (await (await fetch(`${E2E_BASE_URL}${OAUTH}/jwk`)).json()) as { keys?: { kid?: string }[] };
  const kids = (jwks.keys ?? []).map((key) => key.kid).filter((kid): kid is string => typeof kid === "string");
  const refused = await fetch(`${E2E_BASE_URL}${OAUTH}/token`, {
    method: "POST",
    headers: { "content-type": FORM },
    body: "grant_type=fuzz-unsupported",
  });
  const { error_uri: errorUri } = (await refused.json()) as { error_uri?: string };
  const listed: unknown = await (await fetch(`${E2E_BASE_URL}/api/sandbox/scenarios`)).json();
  return {
    kids: kids.length ? kids : ["no-kid"],
    realErrorPath: errorUri ? errorUri.slice(new URL(errorUri).origin.length) : null,
    scenarioNames: [
      ...new Set([
        ...KNOWN_SCENARIOS,
        ...(Array.isArray(listed) ? listed.map((scenario: { name?: unknown }) => String(scenario.name)) : []),
      ]),
    ],
  };
}

function buildProbes(context: Context): Probe[] {
  const draw = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, salt: number): T[] =>
    fc.sample(arbitrary, { seed: (SEED + salt * 7_919) | 0, numRuns });
  return [
    ...draw(tokenProbes(context.kids), 320, 1),
    ...draw(tokenManagementProbes("token/revoke", context.kids), 170, 2),
    ...draw(tokenManagementProbes("tokeninfo", context.kids), 170, 3),
    ...draw(registerProbes(), 180, 4),
    ...hashNameRegistrations(),
    ...regressionProbes(context.kids),
    ...draw(authorizeProbes(), 240, 5),
    ...draw(fhirProbes(context.kids), 380, 6),
    ...draw(discoveryProbes(), 100, 7),
    ...methodProbes(),
    ...draw(controlProbes(context.scenarioNames), 300, 8),
    ...draw(errorPageProbes(context.realErrorPath), 80, 9),
    ...percentJunkProbes(context.realErrorPath),
  ];
}

type Outcome = { answer: Answer } | { failure: string };

async function send(probe: Probe): Promise<Outcome> {
  try {
    const response = await fetch(new URL(probe.path, E2E_BASE_URL), {
      method: probe.method,
      headers: new Headers(probe.headers ?? []),
      body: typeof probe.body === "string" || probe.body === undefined ? probe.body : Uint8Array.from(probe.body),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    return {
      answer: {
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        location: response.headers.get("location"),
        text: await response.text(),
      },
    };
  } catch (error) {
    return {
      failure: `no answer: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ""}`,
    };
  }
}

interface Problem {
  /** For the summary: what kind of wrong answer. */
  kind: string;
  detail: string;
}

function problemWith(family: Family, outcome: Outcome): Problem | null {
  if ("failure" in outcome) return { kind: "no answer", detail: outcome.failure };
  const { status, contentType, location } = outcome.answer;
  if (status >= 500) return { kind: `answered ${status}`, detail: `answered ${status}` };
  if (status >= 300 && status < 400 && !location)
    return { kind: `${status} without Location`, detail: `answered ${status} without a Location` };
  if (status >= 400 && !CLIENT_ERROR_FORMAT[family].accepts(outcome.answer)) {
    const type = contentType.split(";")[0] || "no content type";
    return {
      kind: `${status} as ${type}`,
      detail: `answered ${status} ${contentType || "(no content type)"}, not ${CLIENT_ERROR_FORMAT[family].expected}`,
    };
  }
  return null;
}

const excerptOf = (body: string | Uint8Array, length: number) =>
  typeof body === "string" ? body.slice(0, length) : `[no content type] ${Buffer.from(body).toString("utf8").slice(0, length)}`;
const excerpt = (text: string, length = 240) =>
  JSON.stringify(text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text);

function describeFailure(probe: Probe, family: Family, outcome: Outcome, problem: string): string {
  const body = probe.body === undefined ? "" : excerptOf(probe.body, 400);
  const lines = [
    `${family} (${probe.target}): ${problem}`,
    `  → ${probe.method} ${probe.path.length > 300 ? `${probe.path.slice(0, 300)}…` : probe.path}`,
    `    headers ${excerpt(JSON.stringify(probe.headers ?? []), 200)}`,
  ];
  if (probe.body !== undefined) lines.push(`    body ${excerpt(body, 200)}`);
  if ("answer" in outcome)
    lines.push(
      `  ← ${outcome.answer.status} ${outcome.answer.contentType}${outcome.answer.location ? ` Location: ${outcome.answer.location}` : ""}`,
      `    ${excerpt(outcome.answer.text)}`,
    );
  return lines.join("\n");
}

test.describe("malformed input", () => {
  test("answers 2,000+ malformed requests across every endpoint with a client error in the endpoint's own format", async ({}, testInfo) => {
    test.setTimeout(180_000);
    const started = Date.now();
    const context = await discover();
    const generated = buildProbes(context);
    const probes = generated.filter((probe) => !mightChangeState(probe, context.scenarioNames) && fitsNodeHeaderLimit(probe));
    expect(
      probes.length,
      `only ${probes.length} requests after dropping ${generated.length - probes.length} that might change state or exceed the header limit`,
    ).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);

    const failures: { key: string; text: string; record: unknown }[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        const outcome = await send(probe);
        if ("answer" in outcome) statuses.set(outcome.answer.status, (statuses.get(outcome.answer.status) ?? 0) + 1);
        const { family, endpoint } = routeOf(new URL(probe.path, E2E_BASE_URL).pathname);
        const problem = problemWith(family, outcome);
        if (!problem) continue;
        failures.push({
          key: `${family}/${endpoint} (${probe.target}) — ${problem.kind}`,
          text: describeFailure(probe, family, outcome, problem.detail),
          record: {
            probe: { ...probe, body: probe.body === undefined ? undefined : excerptOf(probe.body, 2_000) },
            family,
            endpoint,
            problem: problem.detail,
            answer: "answer" in outcome ? { ...outcome.answer, text: outcome.answer.text.slice(0, 2_000) } : null,
          },
        });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `malformed input: sent ${probes.length} requests in ${seconds} s with seed ${SEED} (FUZZ_SEED=${SEED} repeats this run; ${generated.length - probes.length} generated requests dropped as possibly state-changing or over the header limit); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    if (failures.length)
      await testInfo.attach("malformed-input-failures.json", {
        body: JSON.stringify({ seed: SEED, failures: failures.map((f) => f.record) }, null, 2),
        contentType: "application/json",
      });

    const severity = (failure: { key: string }) => (/answered 5\d\d|no answer/.test(failure.key) ? 0 : 1);
    failures.sort((a, b) => severity(a) - severity(b));
    const groups = new Map<string, number>();
    for (const failure of failures) groups.set(failure.key, (groups.get(failure.key) ?? 0) + 1);
    const summary = [...groups]
      .sort(([, a], [, b]) => b - a)
      .map(([key, count]) => `  ${String(count).padStart(4)} × ${key}`)
      .join("\n");
    const shown = failures.slice(0, 40).map((failure) => failure.text);
    if (failures.length > shown.length)
      shown.push(`…and ${failures.length - shown.length} more (all in the attachment malformed-input-failures.json)`);
    expect(
      shown,
      `${failures.length} of ${probes.length} malformed requests were answered with a 5xx or outside their endpoint's format (seed ${SEED}):\n${summary}\n`,
    ).toEqual([]);
  });
});
