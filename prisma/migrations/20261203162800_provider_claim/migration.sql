-- CreateEnum
CREATE TYPE "Verifier" AS ENUM ('NONE', 'ORGANIZATION', 'MEMBER');

-- CreateEnum
CREATE TYPE "ProviderLinkOutcome" AS ENUM ('CONFIRMED', 'UPDATED');

-- CreateEnum
CREATE TYPE "ProviderProposalKind" AS ENUM ('CLAIM_REQUEST', 'UPDATE');

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "contactEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contactSource" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "verifiedBy" "Verifier" NOT NULL DEFAULT 'NONE';

-- CreateTable
CREATE TABLE "ProviderUpdateLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "outcome" "ProviderLinkOutcome",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderUpdateLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderProposal" (
    "id" TEXT NOT NULL,
    "kind" "ProviderProposalKind" NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "providerId" TEXT NOT NULL,
    "email" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "linkId" TEXT,
    "baseVersion" INTEGER,
    "changes" JSONB,
    "acceptedFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimAttempt" (
    "id" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderUpdateLink_tokenHash_key" ON "ProviderUpdateLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ProviderUpdateLink_providerId_createdAt_idx" ON "ProviderUpdateLink"("providerId", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderProposal_status_createdAt_idx" ON "ProviderProposal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderProposal_providerId_createdAt_idx" ON "ProviderProposal"("providerId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimAttempt_emailHash_createdAt_idx" ON "ClaimAttempt"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimAttempt_ip_createdAt_idx" ON "ClaimAttempt"("ip", "createdAt");

-- AddForeignKey
ALTER TABLE "ProviderUpdateLink" ADD CONSTRAINT "ProviderUpdateLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderProposal" ADD CONSTRAINT "ProviderProposal_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
