import { Head, Html, Main, NextScript } from "next/document";

export default function PortalDocument() {
  return (
    <Html lang="en">
      <Head>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta name="description" content="Sandbox patient portal: sign in, choose a record, allow or deny an app." />
      </Head>
      <body className="min-h-screen font-sans">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
