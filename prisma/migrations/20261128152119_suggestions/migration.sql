-- CreateEnum
CREATE TYPE "SuggestionKind" AS ENUM ('NEW_RESOURCE', 'ERROR_REPORT');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "kind" "SuggestionKind" NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "entityType" TEXT,
    "entityId" TEXT,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "website" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "emailConsent" BOOLEAN NOT NULL DEFAULT false,
    "senderHash" TEXT NOT NULL,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "resultRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Suggestion_status_createdAt_idx" ON "Suggestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_senderHash_createdAt_idx" ON "Suggestion"("senderHash", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_entityType_entityId_idx" ON "Suggestion"("entityType", "entityId");
