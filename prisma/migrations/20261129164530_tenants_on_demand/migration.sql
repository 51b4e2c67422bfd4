-- DropIndex
DROP INDEX "Event_tenantId_createdAt_idx";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "createdWith" JSONB;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN "persona" TEXT;

-- AlterTable
ALTER TABLE "Client" ADD COLUMN "registrationTokenHash" TEXT;

-- CreateTable
CREATE TABLE "QueuedFault" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "remaining" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SandboxClock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offsetSeconds" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SandboxClock" ("id", "offsetSeconds", "updatedAt") SELECT "id", "offsetSeconds", "updatedAt" FROM "SandboxClock";
DROP TABLE "SandboxClock";
ALTER TABLE "new_SandboxClock" RENAME TO "SandboxClock";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QueuedFault_clientId_endpoint_createdAt_idx" ON "QueuedFault"("clientId", "endpoint", "createdAt");

-- CreateIndex
CREATE INDEX "Event_tenantId_createdAt_id_idx" ON "Event"("tenantId", "createdAt", "id");


-- Data: the one global clock becomes the default tenant's clock; seeded patients name their persona.
UPDATE "SandboxClock" SET "id" = 'd1f6e9a2-5c3b-4e8f-a7d0-3b2c1e0f9a84' WHERE "id" = 'sandbox';
UPDATE "Patient" SET "persona" = "id" WHERE "persona" IS NULL;
