// Edge guard for malformed percent-encoding: a path that cannot be decoded into route parameters would fail
// inside the framework with a bare 500 before any app code runs. Such requests are rewritten to one handler
// that answers 400 in the format of the endpoint family that was asked (OAuth JSON, OperationOutcome, the
// control API's JSON, or a page for people); error_uri links go to the ordinary "not found" page. (An error_uri
// asked for as JSON is answered by its page, pages/errors/[urn]/instances/[id].tsx.)
import { NextResponse, type NextRequest } from "next/server";

function family(pathname: string): "oauth" | "fhir" | "api" | "page" {
  if (pathname.startsWith("/r4/")) return "fhir";
  if (pathname.startsWith("/api/")) return "api";
  if (/^\/tenants\/[^/]*\/(protocols|oidc)\//.test(pathname)) return "oauth";
  return "page";
}

/** A NUL character is never valid in a URL of this sandbox (and PostgreSQL cannot store one). */
const hasEncodedNul = (text: string) => /%00/i.test(text);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
    if (hasEncodedNul(pathname) || hasEncodedNul(search)) throw new URIError("NUL character");
    return NextResponse.next();
  } catch {
    if (pathname.startsWith("/errors/")) return NextResponse.redirect(new URL("/errors/malformed/instances/malformed", request.url), 303);
    return NextResponse.rewrite(new URL(`/api/malformed-path/${family(pathname)}`, request.url));
  }
}

// Every path except the framework's own assets.
export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
