// GET /api/sandbox/scenarios — the named trust scenarios QA scripts can apply.
import { controlApi, json } from "@/lib/http/control-api";
import { listScenarios } from "@/lib/trust/scenarios";

export const GET = controlApi(async () => json(listScenarios()));
