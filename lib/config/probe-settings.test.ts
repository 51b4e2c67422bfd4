import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "./environment";
import { probeSettings } from "./probe-settings";

describe("the live probe's settings", () => {
  it("read resolvers, anchors and the private-address switch", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sts-anchors-")), "anchors.pem");
    writeFileSync(file, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    expect(
      probeSettings({ SANDBOX_PROBE_RESOLVERS: "127.0.0.1:5353, ::1", SANDBOX_PROBE_ANCHORS: file, SANDBOX_PROBE_ALLOW_PRIVATE: "1" }),
    ).toMatchObject({
      resolvers: ["127.0.0.1:5353", "::1"],
      allowPrivateAddresses: true,
    });
    expect(probeSettings({})).toEqual({ resolvers: undefined, extraAnchorsPem: [], allowPrivateAddresses: false });
  });

  it.each([
    [{ SANDBOX_PROBE_RESOLVERS: "notanip" }, "is not an IP address"],
    [{ SANDBOX_PROBE_RESOLVERS: "127.0.0.1:99999" }, "has no valid port"],
    [{ SANDBOX_PROBE_ALLOW_PRIVATE: "yes" }, "must be 1 (allow) or 0 (refuse)"],
    [{ SANDBOX_PROBE_ANCHORS: "/nonexistent/anchors.pem" }, "cannot read"],
    [{ SANDBOX_PROBE_ANCHORS: "package.json" }, "holds no PEM certificate"],
  ])("refuse %o with one clear line", (env, message) => {
    expect(() => probeSettings(env)).toThrow(ConfigurationError);
    expect(() => probeSettings(env)).toThrow(message);
  });
});
