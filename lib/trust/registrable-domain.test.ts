import { describe, expect, it } from "vitest";
import { clientIdRecord, registrableDomain } from "./registrable-domain";

describe("registrable domain (eTLD+1)", () => {
  it.each([
    ["example.co.uk", "example.co.uk", "example.co.uk"],
    ["app.example.co.uk", "example.co.uk", "example.co.uk"],
    ["x.app.example.com.au", "example.com.au", "example.com.au"],
    ["my-project.github.io", "github.io", "my-project.github.io"],
    ["app.herokuapp.com", "herokuapp.com", "app.herokuapp.com"],
    ["app.myhealth-demo.com", "myhealth-demo.com", "myhealth-demo.com"],
    ["WWW.Example.COM.", "example.com", "example.com"],
    ["localhost", "localhost", "localhost"],
    ["127.0.0.1", "127.0.0.1", "127.0.0.1"],
    ["[::1]", "::1", "::1"],
  ])("%s → %s (ICANN only), %s (ICANN and private)", (host, icann, withPrivate) => {
    expect(registrableDomain(host, "icann")).toBe(icann);
    expect(registrableDomain(host, "icann-and-private")).toBe(withPrivate);
  });

  it("follows the vendor's documentation by default: private suffixes such as github.io do not count", () => {
    expect(registrableDomain("my-project.github.io")).toBe("github.io");
  });

  it("writes the client id record in the vendor's literal format", () => {
    expect(clientIdRecord("demo-patient-app")).toBe("cerner-client-id=demo-patient-app");
  });
});
