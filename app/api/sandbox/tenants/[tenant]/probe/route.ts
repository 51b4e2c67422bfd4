// …/probe: a live TLS and DNS check of a real redirect URI's host. See lib/http/routes/probe-routes.ts.
import { probeRoutes } from "@/lib/http/routes/probe-routes";
export const dynamic = "force-dynamic";
export const POST = probeRoutes.POST;
