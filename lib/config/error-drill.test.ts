import { describe, expect, it } from "vitest";
import { errorDrillEnabled } from "./error-drill";

describe("error drill", () => {
  it("is off unless SANDBOX_ERROR_DRILL is exactly 1", () => {
    expect(errorDrillEnabled({})).toBe(false);
    expect(errorDrillEnabled({ SANDBOX_ERROR_DRILL: "true" })).toBe(false);
    expect(errorDrillEnabled({ SANDBOX_ERROR_DRILL: "1" })).toBe(true);
  });
});
