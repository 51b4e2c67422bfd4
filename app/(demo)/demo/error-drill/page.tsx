// A page that fails on purpose when SANDBOX_ERROR_DRILL=1 (as lib/config/error-drill.ts; the demo app reads the
// variable itself, being a separate client), to show MyHealth's error boundary.
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default function DemoErrorDrill() {
  if (process.env.SANDBOX_ERROR_DRILL !== "1") notFound();
  throw new Error("error drill: the MyHealth page failed on purpose (SANDBOX_ERROR_DRILL=1)");
}
