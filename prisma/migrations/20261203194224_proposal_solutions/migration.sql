-- AlterTable
ALTER TABLE "ProviderProposal" ADD COLUMN     "solutionChanges" JSONB;
