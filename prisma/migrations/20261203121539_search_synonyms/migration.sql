-- Synonym groups of the search and the log of searches that found nothing (issue 16).

-- CreateTable
CREATE TABLE "SynonymGroup" (
    "id" TEXT NOT NULL,
    "seedKey" TEXT,
    "terms" TEXT[],
    "oneWay" BOOLEAN NOT NULL DEFAULT false,
    "expandsTo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SynonymGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmptySearch" (
    "query" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EmptySearch_pkey" PRIMARY KEY ("query","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "SynonymGroup_seedKey_key" ON "SynonymGroup"("seedKey");

-- CreateIndex
CREATE INDEX "EmptySearch_day_idx" ON "EmptySearch"("day");
