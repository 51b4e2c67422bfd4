// GET /api/sandbox/scenarios — the named trust scenarios QA scripts can apply.
import { controlApi, json } from "@/lib/http/control-api";
import { readQuery } from "@/lib/http/tenant-control";
import { listScenarios } from "@/lib/trust/scenarios";

export const GET = controlApi(async (request: Request) => {
  readQuery(new URL(request.url).searchParams, {});
  return json(listScenarios());
});
