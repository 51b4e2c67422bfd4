// The bench's framework floor is not part of the product: without SANDBOX_BENCH=1 at run time it is a 404.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "./route";

const form = () =>
  new Request("http://localhost/api/framework-floor", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=refresh_token",
  });

afterEach(() => {
  delete process.env.SANDBOX_BENCH;
});

describe("POST /api/framework-floor", () => {
  it("answers 404 in a sandbox started without SANDBOX_BENCH", async () => {
    const response = await POST(form());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it("reads the form and answers JSON when the bench started the server", async () => {
    process.env.SANDBOX_BENCH = "1";
    const response = await POST(form());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ grant_type: "refresh_token", ok: true });
  });
});
