// The demo patient app's frame: its own brand, clearly a separate app from the sandbox's portal.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { default: "MyHealth Demo", template: "%s · MyHealth Demo" } };

export default function DemoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-gradient-to-b from-indigo-50 to-white">
      <header className="border-b border-indigo-100 bg-white/80">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <Link href="/demo" className="flex items-center gap-2 text-lg font-bold text-indigo-900">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-full bg-indigo-600 text-white">
              ♥
            </span>{" "}
            MyHealth
          </Link>
          <span className="hidden text-xs text-slate-500 sm:inline">Demo patient app · connects to Sandbox Health with SMART on FHIR</span>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
