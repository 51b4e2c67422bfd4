import { requireConsoleAccess } from "../_lib/console-access";

export default async function GuardedConsoleLayout({ children }: { children: React.ReactNode }) {
  await requireConsoleAccess();
  return children;
}
