-- CreateTable
CREATE TABLE "HttpExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "correlationId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "requestHeaders" TEXT NOT NULL,
    "requestBody" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "responseBody" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "HttpExchange_tenantId_startedAt_idx" ON "HttpExchange"("tenantId", "startedAt");

-- CreateIndex
CREATE INDEX "HttpExchange_correlationId_idx" ON "HttpExchange"("correlationId");

