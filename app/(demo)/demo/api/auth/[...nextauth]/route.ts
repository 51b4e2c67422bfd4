// /demo/api/auth/* — next-auth's sign-in, callback and sign-out endpoints for the demo app.
import { handlers } from "@/demo-app/auth";

export const { GET, POST } = handlers;
