-- CreateEnum
CREATE TYPE "VerificationOutcome" AS ENUM ('CONFIRMED', 'UPDATED', 'VERIFIED_BY_MEMBER', 'NO_ANSWER');

-- CreateEnum
CREATE TYPE "MailSuppressionSource" AS ENUM ('LINK', 'REPLY');

-- CreateTable
CREATE TABLE "VerificationRequest" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "createdById" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminder1At" TIMESTAMP(3),
    "reminder2At" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "outcome" "VerificationOutcome",
    "failedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "mailIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "VerificationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailSuppression" (
    "email" TEXT NOT NULL,
    "source" "MailSuppressionSource" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailSuppression_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "VerificationRequest_providerId_sentAt_idx" ON "VerificationRequest"("providerId", "sentAt");

-- CreateIndex
CREATE INDEX "VerificationRequest_outcome_failedAt_sentAt_idx" ON "VerificationRequest"("outcome", "failedAt", "sentAt");

-- AddForeignKey
ALTER TABLE "VerificationRequest" ADD CONSTRAINT "VerificationRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationRequest" ADD CONSTRAINT "VerificationRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailSuppression" ADD CONSTRAINT "MailSuppression_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
