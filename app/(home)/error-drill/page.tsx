// A page that fails on purpose when SANDBOX_ERROR_DRILL=1 (lib/config/error-drill.ts), to show the error boundary.
import { notFound } from "next/navigation";
import { ErrorDrill, errorDrillEnabled } from "@/lib/config/error-drill";

export const dynamic = "force-dynamic";

export default function HomeErrorDrill() {
  if (!errorDrillEnabled()) notFound();
  throw new ErrorDrill("the home page");
}
