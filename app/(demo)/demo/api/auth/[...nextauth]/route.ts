// /demo/api/auth/* — next-auth's sign-in, callback and sign-out endpoints for the demo app. A callback carrying
// error=access_denied (the patient chose Deny) goes straight back to the landing page with that reason, which
// next-auth would otherwise report as a generic callback failure.
import type { NextRequest } from "next/server";
import { handlers } from "@/demo-app/auth";

export async function GET(request: NextRequest) {
  const url = request.nextUrl;
  if (url.pathname.includes("/callback/") && url.searchParams.get("error") === "access_denied") {
    return Response.redirect(new URL("/demo?error=AccessDenied", url), 303);
  }
  return handlers.GET(request);
}

export const { POST } = handlers;
