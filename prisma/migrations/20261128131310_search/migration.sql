-- French full-text search over needs, solutions and providers (GUIDE.md §3).
-- Prisma models only the "searchVector" columns and their GIN indexes (first part, generated).
-- Everything after it is hand-written: Prisma does not know about extensions, functions,
-- text search configurations, triggers or expression indexes, so the drift check ignores them.

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Solution" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Need_searchVector_idx" ON "Need" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Provider_searchVector_idx" ON "Provider" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Solution_searchVector_idx" ON "Solution" USING GIN ("searchVector");

-- Both extensions ship with PostgreSQL (contrib) and are "trusted": the database owner can
-- create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- unaccent() is only STABLE (it finds its dictionary through search_path), so it cannot appear
-- in an index. With the function and the dictionary both schema-qualified the result depends on
-- the input alone, which makes IMMUTABLE true. (PostgreSQL 17 runs index maintenance with a
-- restricted search_path: the qualification is required, not just tidy.)
CREATE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- French stemming that ignores accents: "numerique" and "numérique" give the same lexeme.
-- french_stem drops stop words only after unaccent has run, and the stop word list is accented
-- ("à", "été", "même"): a first dictionary drops them while they still have their accents
-- (ACCEPT = false passes every other word on to unaccent, then french_stem).
CREATE TEXT SEARCH DICTIONARY french_stopwords (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH french_stopwords, public.unaccent, pg_catalog.french_stem;

-- The search documents. Weights: A = what the entry is called, B = its description,
-- C and D = words from the entries around it, so that a solution is found by the names of the
-- providers behind it, and a provider by what it offers and for which needs ("loi 25" finds the
-- providers of the solutions to the "Conformité à la Loi 25" need). Only published neighbours
-- count: an archived entry's words must not make others match.
CREATE FUNCTION need_search_vector(need "Need") RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT
      setweight(to_tsvector('fr_unaccent', coalesce(need.title, '')), 'A') ||
      setweight(to_tsvector('fr_unaccent', coalesce(need.description, '')), 'B') ||
      setweight(to_tsvector('fr_unaccent', concat_ws(' ', need.note, (
        SELECT theme.name FROM "Theme" theme WHERE theme.id = need."themeId" AND theme.status = 'PUBLISHED'
      ))), 'C')
  $$;

CREATE FUNCTION solution_search_vector(solution "Solution") RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT
      setweight(to_tsvector('fr_unaccent', coalesce(solution.title, '')), 'A') ||
      setweight(to_tsvector('fr_unaccent', coalesce(solution.description, '')), 'B') ||
      setweight(to_tsvector('fr_unaccent', coalesce((
        SELECT string_agg(DISTINCT concat_ws(' ', provider.name, provider."alternateName"), ' ')
        FROM "SolutionProvider" link
        JOIN "Provider" provider ON provider.id = link."providerId"
        WHERE link."solutionId" = solution.id AND provider.status = 'PUBLISHED'
      ), '')), 'C') ||
      setweight(to_tsvector('fr_unaccent', coalesce((
        SELECT string_agg(need.title, ' ')
        FROM "NeedSolution" link
        JOIN "Need" need ON need.id = link."needId"
        WHERE link."solutionId" = solution.id AND need.status = 'PUBLISHED'
      ), '')), 'D')
  $$;

CREATE FUNCTION provider_search_vector(provider "Provider") RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT
      setweight(to_tsvector('fr_unaccent', concat_ws(' ', provider.name, provider."alternateName")), 'A') ||
      setweight(to_tsvector('fr_unaccent', coalesce(provider.description, '')), 'B') ||
      setweight(to_tsvector('fr_unaccent', coalesce((
        SELECT string_agg(DISTINCT solution.title, ' ')
        FROM "SolutionProvider" link
        JOIN "Solution" solution ON solution.id = link."solutionId"
        WHERE link."providerId" = provider.id AND solution.status = 'PUBLISHED'
      ), '')), 'C') ||
      setweight(to_tsvector('fr_unaccent', coalesce((
        SELECT string_agg(DISTINCT need.title, ' ')
        FROM "SolutionProvider" link
        JOIN "Solution" solution ON solution.id = link."solutionId"
        JOIN "NeedSolution" needLink ON needLink."solutionId" = solution.id
        JOIN "Need" need ON need.id = needLink."needId"
        WHERE link."providerId" = provider.id AND solution.status = 'PUBLISHED' AND need.status = 'PUBLISHED'
      ), '')), 'D')
  $$;

-- Each row computes its own document before it is written. A neighbour that changes "touches"
-- the rows that quote it (UPDATE ... SET "searchVector" = NULL), and this trigger recomputes them.
CREATE FUNCTION need_search_vector_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."searchVector" := need_search_vector(NEW);
    RETURN NEW;
  END
  $$;

CREATE FUNCTION solution_search_vector_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."searchVector" := solution_search_vector(NEW);
    RETURN NEW;
  END
  $$;

CREATE FUNCTION provider_search_vector_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."searchVector" := provider_search_vector(NEW);
    RETURN NEW;
  END
  $$;

CREATE TRIGGER need_search_vector BEFORE INSERT OR UPDATE ON "Need"
  FOR EACH ROW EXECUTE FUNCTION need_search_vector_update();
CREATE TRIGGER solution_search_vector BEFORE INSERT OR UPDATE ON "Solution"
  FOR EACH ROW EXECUTE FUNCTION solution_search_vector_update();
CREATE TRIGGER provider_search_vector BEFORE INSERT OR UPDATE ON "Provider"
  FOR EACH ROW EXECUTE FUNCTION provider_search_vector_update();

-- Touching only sets "searchVector", so it never fires the cascades below (they watch names,
-- titles and statuses): no loops.
CREATE FUNCTION touch_search_of_solutions(solution_ids text[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Solution" SET "searchVector" = NULL WHERE id = ANY (solution_ids);
    UPDATE "Provider" SET "searchVector" = NULL
      WHERE id IN (SELECT "providerId" FROM "SolutionProvider" WHERE "solutionId" = ANY (solution_ids));
  END
  $$;

-- A theme's name is in its needs' documents.
CREATE FUNCTION theme_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Need" SET "searchVector" = NULL WHERE "themeId" = NEW.id;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER theme_search_cascade AFTER UPDATE ON "Theme"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION theme_search_cascade();

-- A need's title is in its solutions' documents and in their providers'.
CREATE FUNCTION need_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM touch_search_of_solutions(ARRAY(SELECT "solutionId" FROM "NeedSolution" WHERE "needId" = NEW.id));
    RETURN NULL;
  END
  $$;
CREATE TRIGGER need_search_cascade AFTER UPDATE ON "Need"
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION need_search_cascade();

-- A solution's title is in its providers' documents.
CREATE FUNCTION solution_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Provider" SET "searchVector" = NULL
      WHERE id IN (SELECT "providerId" FROM "SolutionProvider" WHERE "solutionId" = NEW.id);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER solution_search_cascade AFTER UPDATE ON "Solution"
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION solution_search_cascade();

-- A provider's names are in its solutions' documents.
CREATE FUNCTION provider_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Solution" SET "searchVector" = NULL
      WHERE id IN (SELECT "solutionId" FROM "SolutionProvider" WHERE "providerId" = NEW.id);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER provider_search_cascade AFTER UPDATE ON "Provider"
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD."alternateName" IS DISTINCT FROM NEW."alternateName"
    OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION provider_search_cascade();

-- Links added, moved or removed (deleting an entry removes its links by cascade, which lands here).
CREATE FUNCTION need_solution_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM touch_search_of_solutions(ARRAY[OLD."solutionId"]);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM touch_search_of_solutions(ARRAY[NEW."solutionId"]);
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER need_solution_search_cascade AFTER INSERT OR UPDATE OR DELETE ON "NeedSolution"
  FOR EACH ROW EXECUTE FUNCTION need_solution_search_cascade();

CREATE FUNCTION solution_provider_search_cascade() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE "Solution" SET "searchVector" = NULL WHERE id = OLD."solutionId";
      UPDATE "Provider" SET "searchVector" = NULL WHERE id = OLD."providerId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      UPDATE "Solution" SET "searchVector" = NULL WHERE id = NEW."solutionId";
      UPDATE "Provider" SET "searchVector" = NULL WHERE id = NEW."providerId";
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER solution_provider_search_cascade AFTER INSERT OR UPDATE OR DELETE ON "SolutionProvider"
  FOR EACH ROW EXECUTE FUNCTION solution_provider_search_cascade();

-- Typo-tolerant matching of what entries are called ("techsup" finds TechSoup Canada). Queries
-- must use these exact expressions for the indexes to serve them (lib/search/search.ts).
CREATE INDEX "Need_title_trgm_idx" ON "Need"
  USING GIN (lower(immutable_unaccent(title)) gin_trgm_ops);
CREATE INDEX "Solution_title_trgm_idx" ON "Solution"
  USING GIN (lower(immutable_unaccent(title)) gin_trgm_ops);
CREATE INDEX "Provider_name_trgm_idx" ON "Provider"
  USING GIN (lower(immutable_unaccent(name || ' ' || "alternateName")) gin_trgm_ops);

-- Backfill the rows that exist already (the BEFORE triggers compute the documents).
UPDATE "Need" SET "searchVector" = NULL;
UPDATE "Solution" SET "searchVector" = NULL;
UPDATE "Provider" SET "searchVector" = NULL;
