-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "trustSource" TEXT NOT NULL DEFAULT 'simulated';

