import type { NextConfig } from "next";

// Patient-facing pages of the authorization server, the console and the walkthrough must never be framed
// (clickjacking) nor cached.
const PATIENT_PAGE_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cache-Control", value: "no-store" },
  // same-origin (not no-referrer): the browser must still send our Origin on the consent POST.
  { key: "Referrer-Policy", value: "same-origin" },
];

// `npm run package` builds the runnable npm package: a standalone server (only the files it needs, traced) in its
// own folder, so the ordinary build used by `npm start` and the tests is left alone.
const packageBuild = process.env.SANDBOX_PACKAGE_BUILD === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  ...(packageBuild ? { output: "standalone" as const, distDir: ".next-package" } : {}),
  // Database drivers (native SQLite, PostgreSQL): loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/tenants/:tenant/personas/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/errors/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/console", headers: PATIENT_PAGE_HEADERS },
      { source: "/console/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/walkthrough", headers: PATIENT_PAGE_HEADERS },
      // MyHealth may be framed by the sandbox's own presenter walkthrough, by nothing else.
      { source: "/demo", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'self'" }] },
      { source: "/demo/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'self'" }] },
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
    ];
  },
};

export default nextConfig;
