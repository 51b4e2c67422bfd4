// @smart-trust-sandbox/playwright — fixtures, page objects and clients for QA suites against the SMART Trust Sandbox.
export * from "./types.js";
export * from "./control-api.js";
export * from "./smart-client.js";
export * from "./redirect-server.js";
export * from "./pages/login-page.js";
export * from "./pages/patient-picker-page.js";
export * from "./pages/consent-page.js";
export * from "./pages/error-uri-page.js";
export * from "./pages/authorization-manager-page.js";
export * from "./pages/patient-flow.js";
export * from "./pages/review-messages.js";
export * from "./fixtures.js";
