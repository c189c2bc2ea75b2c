-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "region" "Region";
