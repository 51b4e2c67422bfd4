// Console access for pages and server actions (every action checks again, never only the layout).
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { ADMIN_COOKIE, consoleCookieValid } from "@/lib/console/admin-access";

export async function requireConsoleAccess(): Promise<void> {
  if (!(await consoleCookieValid(db, (await cookies()).get(ADMIN_COOKIE)?.value))) redirect("/console/sign-in");
}
