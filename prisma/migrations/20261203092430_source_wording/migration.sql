-- CreateEnum
CREATE TYPE "InferredField" AS ENUM ('KINDS', 'COST');

-- AlterEnum
ALTER TYPE "Availability" ADD VALUE 'UNCONFIRMED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProviderRole" ADD VALUE 'CITED';
ALTER TYPE "ProviderRole" ADD VALUE 'APPROACHED';

-- AlterTable
ALTER TABLE "Solution" ADD COLUMN     "inferredFields" "InferredField"[] DEFAULT ARRAY[]::"InferredField"[];

-- AlterTable
ALTER TABLE "SolutionProvider" ADD COLUMN     "isRoleInferred" BOOLEAN NOT NULL DEFAULT false;
