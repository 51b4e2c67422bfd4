// Breaks the house rules on purpose: domain code in lib/ depending on the framework, and lib/db importing a folder
// that imports lib/db (an import cycle between folders).
import { NextResponse } from "next/server";
import { evaluateTrust } from "../trust/evaluate-trust";

export const answer = () => NextResponse.json({ evaluateTrust: typeof evaluateTrust });
