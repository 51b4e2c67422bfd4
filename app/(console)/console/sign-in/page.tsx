// GET /console/sign-in — only needed when SANDBOX_ADMIN_PASSWORD is set.
import { redirect } from "next/navigation";
import { adminPassword } from "@/lib/console/admin-access";
import { ConsoleSignInForm } from "./sign-in-form";

// Whether the console is protected is decided when the sandbox runs, not when it was built.
export const dynamic = "force-dynamic";

export default function ConsoleSignInPage() {
  if (!adminPassword()) redirect("/console/apps");
  return (
    <section className="mx-auto max-w-sm rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">Console sign-in</h1>
      <p className="mt-1 text-sm text-slate-600">This sandbox is protected with an admin password.</p>
      <ConsoleSignInForm />
    </section>
  );
}
