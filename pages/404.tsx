import type { PageConfig } from "next";
import Head from "next/head";
import { NotFoundPage } from "@/components/not-found-page";

export const config: PageConfig = { unstable_runtimeJS: false };

export default function PortalNotFound() {
  return (
    <>
      <Head>
        <title>Not found · SMART Trust Sandbox</title>
      </Head>
      <NotFoundPage />
    </>
  );
}
