import { describe, expect, it } from "vitest";
import { ConfigurationError, databaseUrl, port, publicUrl, sqliteFilePath } from "./environment";

describe("environment", () => {
  it("defaults to port 3000 and a public URL on localhost at that port", () => {
    expect(port({})).toBe(3000);
    expect(publicUrl({ PORT: "4000" })).toBe("http://localhost:4000");
  });

  it("uses PUBLIC_URL's origin when given, dropping any path", () => {
    expect(publicUrl({ PUBLIC_URL: "https://sandbox.example.org/ignored/" })).toBe("https://sandbox.example.org");
  });

  it.each(["0", "70000", "abc", "3000.5"])("rejects PORT=%s with a configuration error", (value) => {
    expect(() => port({ PORT: value })).toThrow(ConfigurationError);
  });

  it("rejects a PUBLIC_URL that is not an http(s) URL", () => {
    expect(() => publicUrl({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
    expect(() => publicUrl({ PUBLIC_URL: "ftp://example.org" })).toThrow(/http or https/);
  });

  it("defaults to the embedded SQLite file and resolves file: URLs to absolute paths", () => {
    expect(databaseUrl({})).toBe("file:./data/sandbox.db");
    expect(sqliteFilePath("file:./data/x.db")).toMatch(/\/data\/x\.db$/);
  });

  it("refuses a non-file URL for the embedded database without echoing its password", () => {
    expect(() => sqliteFilePath("postgresql://u:secret@db/x")).toThrow(/u:\*\*\*@db/);
  });
});
