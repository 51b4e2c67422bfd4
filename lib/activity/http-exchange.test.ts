// What a kept exchange may hold: nothing secret (by value, wherever it sits), everything else as sent.
import { describe, expect, it } from "vitest";
import { exchangeRow, type RequestSnapshot, type ResponseSnapshot } from "./http-exchange";

const REFRESH = "Zx81kQp2Lm7Vt3Rs9Wd4Yh6Nb0Cf5Gj1Ae8Ku2Io4Pq";
const CLIENT_SECRET = "9f8Kd7Js6Hg5Fa4Lq3Wp2Oe1Ir0Ut9Yz8Xc7Vb6Nm5";
const ACCESS = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdmEtcml2ZXJhIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
const CODE = "Qw1Er2Ty3Ui4Op5As6Df7Gh8Jk9Lz0Xc1Vb2Nm3Qw4Er";

const request = (overrides: Partial<RequestSnapshot>): RequestSnapshot => ({
  method: "POST",
  url: "http://localhost:3000/tenants/default/protocols/oauth2/profiles/smart-v1/token",
  headers: [["content-type", "application/x-www-form-urlencoded"]],
  body: "",
  startedAt: new Date("2026-11-30T10:00:00Z"),
  ...overrides,
});
const json = (body: unknown, status = 200, headers: [string, string][] = []): ResponseSnapshot => ({
  status,
  headers: [["content-type", "application/json"], ...headers],
  body: JSON.stringify(body),
});
const stored = (row: ReturnType<typeof exchangeRow>) => JSON.stringify(row);

describe("a kept HTTP exchange", () => {
  it("hides the refresh token, the client secret and the issued tokens, and keeps the rest of the token request", () => {
    const basic = Buffer.from(`my-app:${CLIENT_SECRET}`).toString("base64");
    const row = exchangeRow(
      "default",
      "corr-1",
      request({
        headers: [
          ["content-type", "application/x-www-form-urlencoded"],
          ["authorization", `Basic ${basic}`],
        ],
        body: `grant_type=refresh_token&refresh_token=${REFRESH}&scope=patient%2FPatient.read`,
      }),
      json({ access_token: ACCESS, token_type: "Bearer", expires_in: 570, refresh_token: REFRESH, scope: "patient/Patient.read" }),
    );
    for (const secret of [REFRESH, CLIENT_SECRET, ACCESS, basic]) expect(stored(row)).not.toContain(secret);
    expect(row.requestBody).toBe("grant_type=refresh_token&refresh_token=[redacted]&scope=patient%2FPatient.read");
    expect(JSON.parse(row.requestHeaders)).toContainEqual(["authorization", "Basic [redacted]"]);
    expect(JSON.parse(row.responseBody)).toMatchObject({ token_type: "Bearer", expires_in: 570, access_token: "[redacted]" });
  });

  it("hides a password whatever it looks like, and a secret echoed anywhere else", () => {
    const row = exchangeRow(
      "default",
      "corr-2",
      request({ body: "grant_type=password&username=avarivera&password=hunter2!" }),
      json({ error: "unsupported_grant_type", error_description: "no grant for avarivera with hunter2!" }, 400),
    );
    expect(stored(row)).not.toContain("hunter2!");
    expect(row.requestBody).toContain("username=avarivera");
  });

  it("keeps a change code under a key named code, while hiding an authorization code", () => {
    const row = exchangeRow(
      "default",
      "corr-3",
      request({ body: `grant_type=authorization_code&code=${CODE}&code_verifier=short-verifier-value` }),
      json({ error: "invalid_grant", changes: [{ code: "certificate.expired", sentence: "The certificate expired." }] }, 400),
    );
    expect(stored(row)).not.toContain(CODE);
    expect(stored(row)).not.toContain("short-verifier-value");
    expect(JSON.parse(row.responseBody).changes[0].code).toBe("certificate.expired");
  });

  it("hides the code in a redirect back to the app and the session cookie, and keeps state", () => {
    const row = exchangeRow(
      "default",
      "corr-4",
      request({
        method: "GET",
        url: `http://localhost:3000/authorize?response_type=code&state=abc123`,
        headers: [["cookie", `sandbox_session=${REFRESH}; theme=dark`]],
      }),
      {
        status: 303,
        headers: [
          ["location", `https://app.example/cb?code=${CODE}&state=abc123`],
          ["set-cookie", `sandbox_session=${CLIENT_SECRET}; Path=/; HttpOnly`],
        ],
        body: "",
      },
    );
    const headers = Object.fromEntries(JSON.parse(row.responseHeaders));
    expect(headers.location).toBe("https://app.example/cb?code=[redacted]&state=abc123");
    expect(headers["set-cookie"]).toBe("sandbox_session=[redacted]; Path=/; HttpOnly");
    expect(Object.fromEntries(JSON.parse(row.requestHeaders)).cookie).toBe("sandbox_session=[redacted]; theme=[redacted]");
    expect(row.url).toContain("state=abc123");
    for (const secret of [CODE, REFRESH, CLIENT_SECRET]) expect(stored(row)).not.toContain(secret);
  });

  it("hides a bearer token and cuts a very long body, saying so", () => {
    const row = exchangeRow(
      "default",
      "corr-5",
      request({ method: "GET", url: "http://localhost:3000/r4/default/Observation", headers: [["authorization", `Bearer ${ACCESS}`]] }),
      { status: 200, headers: [["content-type", "application/fhir+json"]], body: "x".repeat(70_000) },
    );
    expect(JSON.parse(row.requestHeaders)).toContainEqual(["authorization", "Bearer [redacted]"]);
    expect(row.responseBody.length).toBeLessThan(66_000);
    expect(row.responseBody).toMatch(/more characters not kept\]$/);
  });
});

describe("a kept exchange of malformed input", () => {
  it("keeps Basic credentials with a malformed escape without failing, the secret hidden", () => {
    const basic = Buffer.from("%zz:%zz-secret-value").toString("base64");
    const row = exchangeRow(
      "default",
      "corr-6",
      request({ headers: [["authorization", `Basic ${basic}`]], body: "grant_type=%zz&refresh_token=%E0%A4%A" }),
      json({ error: "invalid_request" }, 400),
    );
    expect(stored(row)).not.toContain("%zz-secret-value");
    expect(stored(row)).not.toContain(basic);
  });
});

describe("a kept exchange of a body with a NUL character", () => {
  it("shows the NUL escaped, so either database can store it", () => {
    const row = exchangeRow("default", "corr-7", request({ headers: [["content-type", "text/plain"]], body: "a\u0000b" }), json({}, 400));
    expect(row.requestBody).toBe("a\\u0000b");
  });
});

describe("a kept exchange of a body that is not a form or valid JSON", () => {
  const secret = "wrong-but-real-secret";
  it.each([
    ["text/plain", `grant_type=refresh_token&refresh_token=${REFRESH}&client_secret=${secret}`],
    [
      "multipart/form-data; boundary=X",
      `--X\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\n${secret}\r\n--X\r\nContent-Disposition: form-data; name="refresh_token"\r\n\r\n${REFRESH}\r\n--X--`,
    ],
    ["application/json", `{"client_name":"x","client_secret":"${secret}","refresh_token":"${REFRESH}"`],
  ])("hides the secrets of a %s body", (type, body) => {
    const row = exchangeRow(
      "default",
      "corr-8",
      request({ headers: [["content-type", type]], body }),
      json({ error: "invalid_request" }, 400),
    );
    expect(stored(row)).not.toContain(secret);
    expect(stored(row)).not.toContain(REFRESH);
  });
});

describe("what a kept exchange keeps readable", () => {
  it("keeps this server's address even when a client sends it as a secret", () => {
    const row = exchangeRow(
      "default",
      "corr-9",
      request({
        headers: [
          ["host", "localhost:3300"],
          ["content-type", "application/x-www-form-urlencoded"],
        ],
        body: "grant_type=refresh_token&refresh_token=localhost:3300",
      }),
      json({ error: "invalid_grant" }, 400),
    );
    expect(new URL(row.url).host).toBe("localhost:3000");
    expect(JSON.parse(row.requestHeaders)).toContainEqual(["host", "localhost:3300"]);
    expect(row.requestBody).toBe("grant_type=refresh_token&refresh_token=[redacted]");
  });

  it("keeps a FHIR search's LOINC code in the URL and in the answer, and hides a token in a path or a parameter name", () => {
    const search = exchangeRow(
      "default",
      "corr-10",
      request({ method: "GET", url: "http://localhost:3000/r4/default/Observation?patient=ava-rivera&code=8867-4", headers: [] }),
      json({ resourceType: "Bundle", entry: [{ resource: { code: { coding: [{ code: "8867-4" }] } } }] }),
    );
    expect(search.url).toBe("http://localhost:3000/r4/default/Observation?patient=ava-rivera&code=8867-4");
    expect(search.responseBody).toContain('"code":"8867-4"');
    const probing = exchangeRow(
      "default",
      "corr-11",
      request({ method: "GET", url: `http://localhost:3000/r4/default/Patient/${REFRESH}?${CLIENT_SECRET}=x`, headers: [] }),
      json({ resourceType: "OperationOutcome", issue: [{ diagnostics: `Patient/${REFRESH} was not found` }] }, 404),
    );
    expect(stored(probing)).not.toContain(REFRESH);
    expect(stored(probing)).not.toContain(CLIENT_SECRET);
    expect(probing.url).toBe("http://localhost:3000/r4/default/Patient/[redacted]?[redacted]=x");
  });
});

describe("a kept exchange against a hostile client", () => {
  it("stays fast with thousands of secret-named parameters, and hides them", () => {
    const body = Array.from({ length: 8000 }, (_, i) => `code=${String(i).padStart(8, "x")}`).join("&");
    const started = performance.now();
    const row = exchangeRow("default", "corr-12", request({ body }), json({ error: "invalid_request" }, 400));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(row.requestBody).not.toContain("xxxx0001");
    expect(row.requestBody).toMatch(/more characters not kept\]$/);
  });

  it.each([
    ["a token without a scheme", [["authorization", REFRESH]], ""],
    ["a form body with a trailing newline", [["content-type", "text/plain"]], "grant_type=x&client_secret=pw12345\n"],
    ["a form body sent as JSON", [["content-type", "application/json"]], "client_secret=pw12345"],
    [
      "an unquoted multipart name",
      [["content-type", "multipart/form-data; boundary=X"]],
      "--X\r\nContent-Disposition: form-data; NAME=client_secret\r\n\r\npw12345\r\n--X--",
    ],
    ["an escaped JSON key", [["content-type", "application/json"]], '{"client\\u005fsecret":"pw12345"}'],
    ["a number under a secret key", [["content-type", "application/json"]], '{"password":12345678901}'],
    ["an array under a secret key", [["content-type", "application/json"]], '{"client_secret":["pw12345"]}'],
    ["single quotes", [["content-type", "application/json"]], "{'client_secret': 'pw12345'}"],
  ] as [string, [string, string][], string][])("hides %s", (_case, headers, body) => {
    const row = exchangeRow("default", "corr-13", request({ headers, body }), json({ error: "invalid_request" }, 400));
    for (const secret of [REFRESH, "pw12345", "12345678901"]) expect(stored(row)).not.toContain(secret);
  });

  it("keeps a stored URL parseable when a secret looks like a piece of its path", () => {
    const row = exchangeRow(
      "default",
      "corr-14",
      request({ url: "http://localhost:3000/tenants/d1f6e9a2/token?code_verifier=%2Ftenants%2Fd1f6e9a2" }),
      json({ error: "invalid_grant" }, 400),
    );
    expect(() => new URL(row.url)).not.toThrow();
    expect(new URL(row.url).host).toBe("localhost:3000");
  });
});
