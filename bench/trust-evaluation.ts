// Trust evaluation of one app: cold (the whole probe: certificate parse cache emptied, nothing remembered) against
// warm (an unchanged app: the remembered evaluation, trust/evaluation-cache.ts — what a refresh pays).
import { summarize, timeEach } from "./stats";

export async function benchTrustEvaluation(iterations = 300) {
  const { db } = await import("../lib/db/client");
  const { evaluateTrust, evaluateWorld } = await import("../lib/trust/evaluate-trust");
  const { loadHost } = await import("../lib/trust/simulated-host");
  const { clearParsedCertificateCache } = await import("../lib/trust/parsed-certificate");
  const app = "demo-patient-app";
  const host = await loadHost(db, app);
  const at = new Date();
  await evaluateTrust(db, app, { mode: "inspect", at });
  const cold = await timeEach(iterations, () => evaluateWorld(db, host, host.current, at), clearParsedCertificateCache);
  const warm = await timeEach(iterations, () => evaluateTrust(db, app, { mode: "inspect", at }));
  return [
    summarize("trust evaluation cold (probe afresh, parse cache emptied)", cold),
    summarize("trust evaluation warm (remembered; includes reading the host)", warm),
  ];
}
