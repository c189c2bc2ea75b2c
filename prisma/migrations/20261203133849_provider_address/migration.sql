-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "isStreetPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "municipality" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "postalCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "streetAddress" TEXT NOT NULL DEFAULT '';
