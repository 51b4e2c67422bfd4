import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("hides tokens, secrets and codes at any depth and keeps the rest", () => {
    expect(redact({ access_token: "a", nested: [{ client_secret: "s", code: "c", scope: "openid" }], refreshTokenIssued: true })).toEqual({
      access_token: "[redacted]",
      nested: [{ client_secret: "[redacted]", code: "[redacted]", scope: "openid" }],
      refreshTokenIssued: true,
    });
  });
});
