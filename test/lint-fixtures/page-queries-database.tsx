// Breaks the house rules on purpose: a page querying the database handle instead of calling a domain function.
import { db } from "@/lib/db/client";

export default async function Page() {
  const apps = await db.client.findMany();
  return <p>{apps.length}</p>;
}
