"use client";
// Breaks the house rules on purpose: a client component (shipped to the browser) importing server code.
import { hashToken } from "@/lib/secrets/hashing";

export function Leak() {
  return <p>{hashToken("x")}</p>;
}
