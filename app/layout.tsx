import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SMART Trust Sandbox", template: "%s · SMART Trust Sandbox" },
  icons: { icon: "/favicon.svg" },
  description: "Rehearse a patient-facing SMART on FHIR authorization flow, its TLS/DNS trust checks and refresh-token suspension.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
