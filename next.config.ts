import type { NextConfig } from "next";

// Patient-facing pages of the authorization server and the console must never be framed (clickjacking) nor cached.
const PATIENT_PAGE_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cache-Control", value: "no-store" },
  // same-origin (not no-referrer): the browser must still send our Origin on the consent POST.
  { key: "Referrer-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Database drivers (native SQLite, PostgreSQL): loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/tenants/:tenant/personas/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/errors/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/console", headers: PATIENT_PAGE_HEADERS },
      { source: "/console/:path*", headers: PATIENT_PAGE_HEADERS },
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
    ];
  },
};

export default nextConfig;
