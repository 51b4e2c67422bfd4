-- CreateTable
CREATE TABLE "SandboxClock" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'sandbox',
    "offsetSeconds" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CertificateAuthority" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "certificatePem" TEXT NOT NULL,
    "privateKeyPkcs8" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CertificateRevocation" (
    "issuerId" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "revokedAt" DATETIME NOT NULL,

    PRIMARY KEY ("issuerId", "serialNumber")
);

-- CreateTable
CREATE TABLE "TrustHost" (
    "clientId" TEXT NOT NULL PRIMARY KEY,
    "hostname" TEXT NOT NULL,
    "registrableDomain" TEXT NOT NULL,
    "baseline" JSONB NOT NULL,
    "current" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrustCheck" (
    "clientId" TEXT NOT NULL PRIMARY KEY,
    "checkedAt" DATETIME NOT NULL,
    "revision" INTEGER NOT NULL,
    "evaluation" JSONB NOT NULL,
    "snapshotHash" TEXT NOT NULL
);

