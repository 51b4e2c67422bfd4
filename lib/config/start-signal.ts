// How `npm start` lets Next.js boot while it migrates and seeds the database: the server is started with a pipe on
// the file descriptor named by SANDBOX_READY_FD, and its instrumentation hook (which Next.js awaits before it handles
// any request) waits here until the starter writes the framework environment (AUTH_SECRET, read from the database)
// and closes the pipe. A pipe closed with nothing written means the starter failed and said why: the server exits.
import { createReadStream } from "node:fs";

export async function awaitStartSignal(fd: number): Promise<void> {
  let text = "";
  for await (const chunk of createReadStream("", { fd, encoding: "utf8" })) text += chunk;
  if (!text) process.exit(1);
  Object.assign(process.env, JSON.parse(text) as Record<string, string>);
}
