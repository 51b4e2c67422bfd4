// evaluateTrust for one app, cold (certificate parse cache emptied before each call) and warm.
import { summarize, timeEach } from "./stats";

export async function benchTrustEvaluation(iterations = 300) {
  const { db } = await import("../lib/db/client");
  const { evaluateTrust } = await import("../lib/trust/evaluate-trust");
  const { clearParsedCertificateCache } = await import("../lib/trust/parsed-certificate");
  const app = "demo-patient-app";
  await evaluateTrust(db, app, { mode: "inspect" });
  const cold = await timeEach(iterations, () => evaluateTrust(db, app, { mode: "inspect" }), clearParsedCertificateCache);
  const warm = await timeEach(iterations, () => evaluateTrust(db, app, { mode: "inspect" }));
  return [summarize("evaluateTrust cold (parse cache emptied)", cold), summarize("evaluateTrust warm", warm)];
}
