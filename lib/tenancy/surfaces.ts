// The surfaces the landing page links to: only what exists in this build.
import { DEFAULT_TENANT } from "../personas/personas";

export interface Surface {
  title: string;
  description: string;
  href: string;
}

export const SURFACES: Surface[] = [
  {
    title: "Presenter walkthrough",
    description: "The suspension story step by step, for an audience: MyHealth and the live sequence diagram side by side.",
    href: "/walkthrough",
  },
  {
    title: "MyHealth demo app",
    description: "A patient app built with next-auth that connects, refreshes and handles suspension the way the vendor recommends.",
    href: "/demo",
  },
  {
    title: "Developer console",
    description: "Register apps, flip their certificate or DNS in the trust lab, manage grants, watch activity, move the clock.",
    href: "/console/apps",
  },
  {
    title: "SMART discovery",
    description: "The authorization server's endpoints, scopes and capabilities, as your app discovers them.",
    href: `/r4/${DEFAULT_TENANT.id}/.well-known/smart-configuration`,
  },
  {
    title: "My authorizations (patient)",
    description: "Sign in as a test patient to see, review and revoke the apps you approved.",
    href: `/tenants/${DEFAULT_TENANT.id}/personas/patient/my-authorizations`,
  },
  {
    title: "Health check",
    description: "Whether the sandbox and its database answer, for load balancers and scripts.",
    href: "/api/health",
  },
  {
    title: "Scenarios (control API)",
    description: "The named changes you can apply to an app's simulated TLS/DNS world.",
    href: "/api/sandbox/scenarios",
  },
  {
    title: "Demo app's trust (control API)",
    description: "Facts, verdict and findings for the bundled demo app's simulated host.",
    href: "/api/sandbox/apps/demo-patient-app/trust",
  },
  {
    title: "Sandbox clock (control API)",
    description: "Sandbox time used for certificates, tokens and caches; advance it to rehearse expiry.",
    href: "/api/sandbox/clock",
  },
];
