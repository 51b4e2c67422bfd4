// Breaks the house rules on purpose, the ways one might by accident: a renamed import, a destructured handle, an
// alias, and the lean query layer.
import { db as database, lean } from "@/lib/db/client";

export default async function Page() {
  const { client } = database;
  const handle = database;
  const rows = await lean.rows({} as never);
  return <p>{String(client) + String(handle) + rows.length}</p>;
}
