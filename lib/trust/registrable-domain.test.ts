import { describe, expect, it } from "vitest";
import { clientIdRecord, registrableDomain } from "./registrable-domain";

describe("registrable domain (eTLD+1)", () => {
  it.each([
    ["my-app.github.io", "my-app.github.io"],
    ["app.example.co.uk", "example.co.uk"],
    ["a.b.example.co.uk", "example.co.uk"],
    ["app.myhealth-demo.com", "myhealth-demo.com"],
    ["example.com", "example.com"],
    ["WWW.Example.COM.", "example.com"],
    ["patient.health.example.com.au", "example.com.au"],
    ["app.herokuapp.com", "app.herokuapp.com"],
    ["localhost", "localhost"],
    ["127.0.0.1", "127.0.0.1"],
  ])("%s → %s", (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it("writes the client id record in the vendor's literal format", () => {
    expect(clientIdRecord("demo-patient-app")).toBe("cerner-client-id=demo-patient-app");
  });
});
