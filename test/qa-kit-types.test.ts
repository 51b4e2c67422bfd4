// The QA kit's control-API types are generated from the OpenAPI document: the committed file must be exactly what
// the generator writes from today's routes (run `npm run kit:types` after changing a control-API schema).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KIT_TYPES_FILE, kitTypesSource } from "../scripts/generate-kit-types";

describe("@smart-trust-sandbox/playwright control-API types", () => {
  it("are generated from the current OpenAPI document", async () => {
    expect(readFileSync(KIT_TYPES_FILE, "utf8")).toBe(await kitTypesSource());
  });
});
