-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "NeedKind" AS ENUM ('NEED', 'ISSUE');

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('EXISTING', 'PROPOSED');

-- CreateEnum
CREATE TYPE "HelpKind" AS ENUM ('TRAINING', 'COACHING', 'AUDIT', 'FUNDING', 'HARDWARE', 'SOFTWARE', 'LEGAL', 'WELLBEING', 'AWARENESS', 'DIRECTORY', 'STRATEGY');

-- CreateEnum
CREATE TYPE "ProviderKind" AS ENUM ('ORGANIZATION', 'PROGRAM');

-- CreateEnum
CREATE TYPE "ProviderRole" AS ENUM ('OFFERS', 'FUNDS', 'PARTNERS');

-- CreateEnum
CREATE TYPE "CostOption" AS ENUM ('FREE', 'LOW_COST', 'PAID', 'SUBSIDIZED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ServiceFormat" AS ENUM ('ONLINE', 'IN_PERSON', 'HYBRID');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('BAS_SAINT_LAURENT', 'SAGUENAY_LAC_SAINT_JEAN', 'CAPITALE_NATIONALE', 'MAURICIE', 'ESTRIE', 'MONTREAL', 'OUTAOUAIS', 'ABITIBI_TEMISCAMINGUE', 'COTE_NORD', 'NORD_DU_QUEBEC', 'GASPESIE_ILES_DE_LA_MADELEINE', 'CHAUDIERE_APPALACHES', 'LAVAL', 'LANAUDIERE', 'LAURENTIDES', 'MONTEREGIE', 'CENTRE_DU_QUEBEC', 'ALL_QUEBEC', 'ONLINE');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('COMMUNITY_ORGANIZATIONS', 'SOCIAL_ECONOMY', 'NONPROFITS', 'PRIVATE_SECTOR', 'CULTURE', 'YOUTH', 'WOMEN', 'SENIORS', 'GENERAL_PUBLIC');

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" "EntryStatus" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "NeedKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "themeId" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'PUBLISHED',
    "verifiedAt" TIMESTAMP(3),
    "toVerify" BOOLEAN NOT NULL DEFAULT false,
    "verifyNote" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedLink" (
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedLink_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateTable
CREATE TABLE "Solution" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "availability" "Availability" NOT NULL,
    "kinds" "HelpKind"[] DEFAULT ARRAY[]::"HelpKind"[],
    "cost" "CostOption" NOT NULL DEFAULT 'UNKNOWN',
    "parentId" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'PUBLISHED',
    "verifiedAt" TIMESTAMP(3),
    "toVerify" BOOLEAN NOT NULL DEFAULT false,
    "verifyNote" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Solution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedSolution" (
    "needId" TEXT NOT NULL,
    "solutionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NeedSolution_pkey" PRIMARY KEY ("needId","solutionId")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "alternateName" TEXT NOT NULL DEFAULT '',
    "kind" "ProviderKind" NOT NULL DEFAULT 'ORGANIZATION',
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "regions" "Region"[] DEFAULT ARRAY[]::"Region"[],
    "audiences" "Audience"[] DEFAULT ARRAY[]::"Audience"[],
    "cost" "CostOption" NOT NULL DEFAULT 'UNKNOWN',
    "formats" "ServiceFormat"[] DEFAULT ARRAY[]::"ServiceFormat"[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "EntryStatus" NOT NULL DEFAULT 'PUBLISHED',
    "verifiedAt" TIMESTAMP(3),
    "toVerify" BOOLEAN NOT NULL DEFAULT false,
    "verifyNote" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolutionProvider" (
    "solutionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "role" "ProviderRole" NOT NULL DEFAULT 'OFFERS',

    CONSTRAINT "SolutionProvider_pkey" PRIMARY KEY ("solutionId","providerId","role")
);

-- CreateTable
CREATE TABLE "SeedRecord" (
    "key" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "rowUpdatedAt" TIMESTAMP(3),
    "seededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedRecord_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Theme_slug_key" ON "Theme"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Need_slug_key" ON "Need"("slug");

-- CreateIndex
CREATE INDEX "Need_status_position_idx" ON "Need"("status", "position");

-- CreateIndex
CREATE INDEX "NeedLink_toId_idx" ON "NeedLink"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "Solution_slug_key" ON "Solution"("slug");

-- CreateIndex
CREATE INDEX "Solution_parentId_idx" ON "Solution"("parentId");

-- CreateIndex
CREATE INDEX "Solution_status_availability_idx" ON "Solution"("status", "availability");

-- CreateIndex
CREATE INDEX "NeedSolution_solutionId_idx" ON "NeedSolution"("solutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_slug_key" ON "Provider"("slug");

-- CreateIndex
CREATE INDEX "Provider_status_name_idx" ON "Provider"("status", "name");

-- CreateIndex
CREATE INDEX "SolutionProvider_providerId_idx" ON "SolutionProvider"("providerId");

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedLink" ADD CONSTRAINT "NeedLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedLink" ADD CONSTRAINT "NeedLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Solution" ADD CONSTRAINT "Solution_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Solution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedSolution" ADD CONSTRAINT "NeedSolution_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedSolution" ADD CONSTRAINT "NeedSolution_solutionId_fkey" FOREIGN KEY ("solutionId") REFERENCES "Solution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolutionProvider" ADD CONSTRAINT "SolutionProvider_solutionId_fkey" FOREIGN KEY ("solutionId") REFERENCES "Solution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolutionProvider" ADD CONSTRAINT "SolutionProvider_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
