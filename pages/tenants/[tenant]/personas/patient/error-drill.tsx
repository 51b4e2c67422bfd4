// A patient page that fails on purpose when SANDBOX_ERROR_DRILL=1 (lib/config/error-drill.ts), to show the patient
// pages' error page (pages/_error.tsx).
import type { GetServerSideProps, PageConfig } from "next";
import { ErrorDrill, errorDrillEnabled } from "@/lib/config/error-drill";

export const config: PageConfig = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps = async () => {
  if (!errorDrillEnabled()) return { notFound: true };
  throw new ErrorDrill("a patient page");
};

export default function PatientErrorDrill() {
  return null;
}
