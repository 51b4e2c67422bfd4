// `npm run dev`: migrate and seed the configured database before `next dev` starts.
import { databaseUrl, publicUrl } from "../lib/config/environment";
import { prepareDatabase } from "../lib/db/prepare-database";

await prepareDatabase({ databaseUrl: databaseUrl(), publicUrl: publicUrl() });
