// `npm run probe -- <redirect_uri> [--client-id X] [--json]`: the live readiness check of your own app from the
// command line (no sandbox server needed). Prints what patients would see, the facts and what to fix; exits 1 when
// patients would see "Unknown App" (so a team can put its domain's readiness in CI), 2 for bad input.
// The probe's network settings come from SANDBOX_PROBE_RESOLVERS, SANDBOX_PROBE_ANCHORS, SANDBOX_PROBE_ALLOW_PRIVATE.
import { ConfigurationError } from "../lib/config/environment";
import { probeSettings } from "../lib/config/probe-settings";
import { NotProbeable } from "../lib/trust/live-evaluation";
import { readinessReport, type ReadinessReport } from "../lib/trust/readiness-report";

const USAGE = "usage: npm run probe -- <https redirect URI> [--client-id <client_id>] [--json]";

function fail(message: string): never {
  console.error(`probe: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parse(argv: string[]) {
  let redirectUri: string | undefined;
  let clientId: string | null = null;
  let asJson = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") asJson = true;
    else if (arg === "--client-id") clientId = argv[++i] ?? fail("--client-id needs a value");
    else if (arg.startsWith("--client-id=")) clientId = arg.slice("--client-id=".length);
    else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
    else if (redirectUri) fail("give one redirect URI");
    else redirectUri = arg;
  }
  if (clientId === null && !asJson)
    console.error("probe: no --client-id given: the TXT record is looked for as cerner-client-id=your-client-id");
  return { redirectUri: redirectUri ?? fail("give the redirect URI to check"), clientId: clientId ?? "your-client-id", asJson };
}

function print(report: ReadinessReport): void {
  const seen = report.patient_sees;
  console.log(
    seen.label === "verified"
      ? `Patients see: Verified · ${seen.appName} · ${seen.organization} · ${seen.location} · ${seen.domain}`
      : `Patients see: Unknown App · ${seen.domain}`,
  );
  const { sources } = report;
  console.log(`\nChecked ${sources.hostname}${sources.address ? ` (${sources.address})` : ""} at ${report.checked_at}`);
  console.log(`  TLS versions accepted: ${sources.tls_versions.join(", ") || "none"}`);
  for (const [index, certificate] of sources.certificate_chain.entries()) {
    console.log(
      `  certificate ${index}: ${certificate.subject ?? "?"}${certificate.organization ? ` (${certificate.organization})` : ""}, ${certificate.type}, issued by ${certificate.issuer}, until ${certificate.not_after}`,
    );
  }
  console.log(`  TXT records at ${sources.txt_records.domain}: ${sources.txt_records.records.join(" | ") || "none"}`);
  if (report.findings.length) console.log("\nFindings:");
  for (const finding of report.findings) {
    console.log(`  [${finding.severity}] ${finding.message}`);
    if (finding.fix) console.log(`      fix: ${finding.fix}`);
  }
}

async function main(): Promise<void> {
  const { redirectUri, clientId, asJson } = parse(process.argv.slice(2));
  const report = await readinessReport({ redirectUri, clientId, ...probeSettings() });
  if (asJson) console.log(JSON.stringify(report, null, 2));
  else print(report);
  process.exit(report.ready ? 0 : 1);
}

main().catch((error: unknown) => {
  if (error instanceof NotProbeable || error instanceof ConfigurationError) fail(error.message);
  console.error(`probe: unexpected error: ${(error as Error).message}`);
  process.exit(2);
});
