// `npm run dev`: migrate and seed the configured database before `next dev` starts.
import { databaseUrl, publicUrl } from "../lib/config/environment";
import { prepareDatabase } from "../lib/setup/prepare-database";

await prepareDatabase({ databaseUrl: databaseUrl(), publicUrl: publicUrl() });
// next dev reads AUTH_SECRET from the environment; print how to set it when it is missing.
if (!process.env.AUTH_SECRET)
  console.log("smart-trust-sandbox: set AUTH_SECRET for `npm run dev` (npm start generates and stores one for you)");
