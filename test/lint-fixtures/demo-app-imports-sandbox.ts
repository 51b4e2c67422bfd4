// Breaks the house rules on purpose: the demo app (an outside SMART client) reaching into the sandbox's server code.
import { evaluateTrust } from "@/lib/trust/evaluate-trust";

export const peek = evaluateTrust;
