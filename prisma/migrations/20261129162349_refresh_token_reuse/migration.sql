-- CreateTable
CREATE TABLE "RetiredRefreshToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "grantId" TEXT NOT NULL,
    "retiredAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RetiredRefreshToken_grantId_idx" ON "RetiredRefreshToken"("grantId");

