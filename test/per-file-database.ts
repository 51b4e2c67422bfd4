// Gives each test file a private copy of the migrated, seeded template database, before any app module loads.
import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";

mkdirSync("data/unit", { recursive: true });
const file = `data/unit/${randomUUID()}.db`;
copyFileSync("data/unit-template.db", file);
process.env.DATABASE_URL = `file:./${file}`;
process.env.PUBLIC_URL = "http://localhost:3999";
