-- An app's trust source: `simulated` (its simulated host) or `live` (its real https redirect URI host).
-- (A plain ADD COLUMN rather than Prisma's table redefinition: same result, no copy of the table.)
ALTER TABLE "Client" ADD COLUMN "trustSource" TEXT NOT NULL DEFAULT 'simulated';
