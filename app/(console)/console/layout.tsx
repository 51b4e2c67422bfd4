// Console chrome: navigation between the console's pages, and the local-use notice when it is open.
import type { Metadata } from "next";
import Link from "next/link";
import { adminPassword } from "@/lib/console/admin-access";
import { consoleSignOut } from "./sign-in/actions";

// The admin password is read at run time: nothing here may be prerendered from the build environment.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { default: "Console", template: "%s · Console · SMART Trust Sandbox" } };

const NAV = [
  { href: "/console/apps", label: "Apps" },
  { href: "/console/grants", label: "Grants" },
  { href: "/console/activity", label: "Activity" },
  { href: "/console/exchanges", label: "Raw HTTP" },
  { href: "/console/check", label: "Check my app" },
  { href: "/console/clock", label: "Clock" },
  { href: "/console/settings", label: "Settings" },
  { href: "/console/api", label: "Control API" },
];

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-100">
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        {!adminPassword() && (
          <p className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
            Open console for local use: anyone who can reach this sandbox can change it. Set{" "}
            <code className="font-mono">SANDBOX_ADMIN_PASSWORD</code> to protect it.
          </p>
        )}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold">
            SMART Trust Sandbox <span className="font-normal text-slate-400">console</span>
          </Link>
          <nav aria-label="Console" className="flex flex-wrap gap-1 text-sm">
            {NAV.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-slate-200 hover:bg-slate-800 hover:text-white">
                {item.label}
              </Link>
            ))}
          </nav>
          {adminPassword() && (
            <form action={consoleSignOut} className="ml-auto">
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-800 hover:text-white">
                Sign out
              </button>
            </form>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
