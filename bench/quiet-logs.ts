// Imported first by bench/run.ts: the harness calls the app's modules in-process, and their request logs would
// bury the tables. The servers the benches start are silenced the same way.
process.env.LOG_LEVEL ??= "silent";
