// A file the browser saves rather than shows (exports of the activity and HAR files): never cached, since it holds the
// sandbox's activity and the patient's record as the FHIR API answered it.
export function download(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${contentType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
