import { describe, expect, it } from "vitest";
import { randomToken } from "../secrets/hashing";
import { redact } from "./redact";

describe("redact (by value)", () => {
  const jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwZXJzb24tYXZhIn0.c2lnbmF0dXJlLWJ5dGVz";

  it("hides tokens, codes, secrets and credentials wherever they sit, and keeps the rest", () => {
    const refresh = randomToken();
    const secret = randomToken();
    expect(
      redact({
        access_token: jwt,
        nested: [{ value: refresh, code: randomToken(), scope: "openid" }],
        header: `Basic ${Buffer.from(`app:${secret}`).toString("base64")}`,
        password: "hunter2",
        refreshTokenIssued: true,
      }),
    ).toEqual({
      access_token: "[redacted]",
      nested: [{ value: "[redacted]", code: "[redacted]", scope: "openid" }],
      header: "[redacted]",
      password: "[redacted]",
      refreshTokenIssued: true,
    });
  });

  it("keeps change codes, ids and URLs readable, but not a code inside a URL", () => {
    const code = randomToken();
    expect(
      redact({
        code: "certificate.expired",
        changes: [{ code: "dns.txt_removed" }],
        grantId: "0b8e3c3a-1f2d-4c5e-9a7b-6d5e4f3a2b1c",
        location: `https://app.example.com/cb?code=${code}&state=s`,
      }),
    ).toEqual({
      code: "certificate.expired",
      changes: [{ code: "dns.txt_removed" }],
      grantId: "0b8e3c3a-1f2d-4c5e-9a7b-6d5e4f3a2b1c",
      location: "https://app.example.com/cb?code=[redacted]&state=s",
    });
  });

  it("hides the sandbox password as a value", () => {
    expect(redact({ note: "SandboxPass1" })).toEqual({ note: "[redacted]" });
  });
});

describe("redact (inside longer texts)", () => {
  it("hides a token in a path or under any query parameter, and keeps the rest of the text", () => {
    const token = randomToken();
    expect(redact({ path: `/r4/t/Patient/${token}`, query: `?foo=${token}&code=8867-4` })).toEqual({
      path: "/r4/t/Patient/[redacted]",
      query: "?foo=[redacted]&code=8867-4",
    });
  });

  it("leaves a certificate's base64 whole", () => {
    const pem =
      "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0xvdWRGbGFyZVRlc3RDZXJ0aWZpY2F0ZTAKBggqhkjOPQQDAjA\n-----END CERTIFICATE-----";
    expect(redact({ chainPem: pem })).toEqual({ chainPem: pem });
  });
});

describe("redact (secret parameters inside a text)", () => {
  it("hides any secret-named parameter's value, whatever its case or shape", () => {
    expect(redact({ query: "?patient=ava-rivera&password=hunter2&ACCESS_TOKEN=abc&code_verifier=v" })).toEqual({
      query: "?patient=ava-rivera&password=[redacted]&ACCESS_TOKEN=[redacted]&code_verifier=[redacted]",
    });
  });
});
