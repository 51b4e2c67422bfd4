// GET /api/sandbox/scenarios — the named trust scenarios QA scripts can apply.
import { json } from "@/lib/http/control-api";
import { listScenarios } from "@/lib/trust/scenarios";

export function GET() {
  return json(listScenarios());
}
