-- LoginAttempt kept the address typed in the email field as is, which can be a password
-- typed in the wrong field. It now keeps an HMAC of it, keyed with NEXTAUTH_SECRET, which
-- the database does not have: existing rows cannot be converted, so they are deleted. They
-- only served the sign-in rate limit (30 days at most); the limits start afresh.
DELETE FROM "LoginAttempt";

-- DropIndex
DROP INDEX "LoginAttempt_email_createdAt_idx";

-- AlterTable
ALTER TABLE "LoginAttempt" DROP COLUMN "email",
ADD COLUMN     "emailHash" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "LoginAttempt_emailHash_createdAt_idx" ON "LoginAttempt"("emailHash", "createdAt");
