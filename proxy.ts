// Edge guard for the error_uri pages: a link whose percent-encoding is broken cannot be decoded into route
// parameters, so it is sent to the ordinary "not found" page for people instead of failing.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.redirect(new URL("/errors/malformed/instances/malformed", request.url), 303);
  }
}

export const config = { matcher: "/errors/:path*" };
