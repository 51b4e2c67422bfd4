// How this deployment's live probe may look at the network (environment):
//   SANDBOX_PROBE_RESOLVERS       DNS servers for the probe, comma-separated `ip` or `ip:port` (default: the system's)
//   SANDBOX_PROBE_ANCHORS         a PEM file of extra trusted roots, besides Node's public root store
//   SANDBOX_PROBE_ALLOW_PRIVATE   1 = also connect to private, loopback and link-local addresses (tests, labs)
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { ConfigurationError, type Environment } from "./environment";

export interface ProbeSettings {
  resolvers?: string[];
  extraAnchorsPem: string[];
  allowPrivateAddresses: boolean;
}

export function probeSettings(env: Environment = process.env): ProbeSettings {
  const resolvers = env.SANDBOX_PROBE_RESOLVERS?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const resolver of resolvers ?? []) {
    const host = /^\[(.+)\](?::\d+)?$/.exec(resolver)?.[1] ?? (isIP(resolver) ? resolver : resolver.replace(/:\d+$/, ""));
    if (!isIP(host)) throw new ConfigurationError(`SANDBOX_PROBE_RESOLVERS: "${resolver}" is not an IP address (optionally with :port)`);
    const port = isIP(resolver) ? null : /:(\d+)$/.exec(resolver)?.[1];
    if (port && (Number(port) < 1 || Number(port) > 65535))
      throw new ConfigurationError(`SANDBOX_PROBE_RESOLVERS: "${resolver}" has no valid port (1–65535)`);
  }
  const allowPrivate = env.SANDBOX_PROBE_ALLOW_PRIVATE;
  if (allowPrivate !== undefined && allowPrivate !== "" && allowPrivate !== "0" && allowPrivate !== "1") {
    throw new ConfigurationError(`SANDBOX_PROBE_ALLOW_PRIVATE must be 1 (allow) or 0 (refuse), got "${allowPrivate}"`);
  }
  let extraAnchorsPem: string[] = [];
  if (env.SANDBOX_PROBE_ANCHORS) {
    try {
      extraAnchorsPem =
        readFileSync(env.SANDBOX_PROBE_ANCHORS, "utf8").match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    } catch (error) {
      throw new ConfigurationError(`SANDBOX_PROBE_ANCHORS: cannot read ${env.SANDBOX_PROBE_ANCHORS}: ${(error as Error).message}`);
    }
    if (extraAnchorsPem.length === 0)
      throw new ConfigurationError(`SANDBOX_PROBE_ANCHORS: ${env.SANDBOX_PROBE_ANCHORS} holds no PEM certificate`);
  }
  return {
    resolvers: resolvers?.length ? resolvers : undefined,
    extraAnchorsPem,
    allowPrivateAddresses: env.SANDBOX_PROBE_ALLOW_PRIVATE === "1",
  };
}
