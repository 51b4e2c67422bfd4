// The surfaces the landing page links to: only what exists in this build.

export interface Surface {
  title: string;
  description: string;
  href: string;
}

export const SURFACES: Surface[] = [
  {
    title: "Health check",
    description: "Whether the sandbox and its database answer, for load balancers and scripts.",
    href: "/api/health",
  },
];

