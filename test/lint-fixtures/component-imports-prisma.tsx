// Breaks the house rules on purpose (test/lint-rules.test.ts lints it as if it were components/…): a component that
// reads the database itself.
import { PrismaClient } from "@prisma/client";
import { db } from "@/lib/db/client";

export async function AppCount() {
  const count = await db.client.count();
  return <p>{count + String(PrismaClient.name)}</p>;
}
