// The patient portal's pages (Pages Router): server-rendered HTML forms that ship no JavaScript. Same stylesheet
// as the rest of the sandbox.
import type { AppProps } from "next/app";
import "../app/globals.css";

export default function PortalApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
