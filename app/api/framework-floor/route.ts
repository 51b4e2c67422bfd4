// POST /api/framework-floor — for `npm run bench` only: a bare route handler that reads a form and answers JSON,
// with no database and no crypto, so the benchmark can show what the framework itself costs per request in the
// same build. Answers 404 unless the server was started with SANDBOX_BENCH=1.
export async function POST(request: Request): Promise<Response> {
  if (process.env.SANDBOX_BENCH !== "1") return Response.json({ error: "not_found" }, { status: 404 });
  const form = new URLSearchParams(await request.text());
  return Response.json({ grant_type: form.get("grant_type"), ok: true }, { headers: { "Cache-Control": "no-store" } });
}
