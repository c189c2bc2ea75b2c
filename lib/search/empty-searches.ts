// Searches that found nothing (issue 16): the directory's « besoins non comblés ». Kept without
// anything personal, as /confidentialite says:
//  - only the query, cleaned (sanitiseEmptyQuery): lower case, anything that looks like an email,
//    a web address, a phone number, a postal code or a long number removed; never the visitor's
//    address, never a session, never the time of day (a day and a count per query);
//  - members see a query only once it was searched on SHOWN_AFTER_DAYS different days in the
//    period they look at (one person's one-off search, a name typed by mistake, stays out of sight);
//  - eraseExpiredEmptySearches: a query seen on fewer than SHOWN_AFTER_DAYS days is erased
//    FEW_DAYS_RETENTION_DAYS after it was searched, every row ALL_RETENTION_MONTHS after.
// The erasure is one function, called where the other erasures are (sign-in, suggestions) and
// before every read, so that nothing past its time is ever shown.
// Functions take the database as their first argument: scripts and a scheduler can call them.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hasSearchableText } from '@/lib/search/normalize';

type Db = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;

/** A query is shown to members once searched on at least this many different days. */
export const SHOWN_AFTER_DAYS = 3;
/** A query seen on fewer days than that is erased this many days after the day it was searched. */
export const FEW_DAYS_RETENTION_DAYS = 90;
/** Every row is erased this many months after its day. */
export const ALL_RETENTION_MONTHS = 12;
/** Longest query kept (characters); longer ones are cut. */
export const MAX_LOGGED_QUERY_LENGTH = 80;
/** New queries kept per day at most: a flood of invented queries cannot grow the table without end. */
export const MAX_NEW_QUERIES_PER_DAY = 2000;

const DAY_MS = 24 * 60 * 60 * 1000;

// Order matters: an email or a web address may hold digits, a phone number may hold a postal
// code's shape. Each is replaced by a space so the words around it stay apart.
const PERSONAL_PATTERNS: readonly RegExp[] = [
  /\S*@\S*/gu, // an email, or part of one
  /\b(?:https?:\/\/|www\.)\S*/giu, // a web address
  /\+?\d[\d\s().\-/]{5,}\d/gu, // a phone number (7 digits or more with separators)
  /\b[a-z]\d[a-z][\s-]?\d[a-z]\d\b/giu, // a Canadian postal code
  /\d{4,}/gu, // a long number (a file, an account, a social insurance number); a year is cut too
];

/**
 * The query as it is kept, or null when nothing is left worth keeping (no letter after the
 * personal-looking parts are removed). Lower case, one space between words, at most
 * MAX_LOGGED_QUERY_LENGTH characters; only letters, digits, apostrophes and hyphens.
 */
export function sanitiseEmptyQuery(query: string): string | null {
  let text = query.normalize('NFC').slice(0, 400);
  for (const pattern of PERSONAL_PATTERNS) text = text.replace(pattern, ' ');
  text = text
    .toLocaleLowerCase('fr-CA')
    .replace(/[’`]/gu, "'")
    .replace(/[^\p{L}\p{N}'\- ]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const cut = Array.from(text).slice(0, MAX_LOGGED_QUERY_LENGTH).join('').trim();
  if (!/\p{L}/u.test(cut) || !hasSearchableText(cut)) return null;
  return cut;
}

/** Midnight UTC of the day of `at`. */
export function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function daysBefore(day: Date, days: number): Date {
  return new Date(day.getTime() - days * DAY_MS);
}

function monthsBefore(day: Date, months: number): Date {
  const result = new Date(day);
  result.setUTCMonth(result.getUTCMonth() - months);
  return result;
}

/**
 * Counts one search that found nothing. Returns what was kept (null: nothing, the query held
 * nothing but personal-looking parts or punctuation, or the day's quota of new queries is full).
 */
export async function recordEmptySearch(db: Db, query: string, now = new Date()): Promise<string | null> {
  const kept = sanitiseEmptyQuery(query);
  if (!kept) return null;
  const day = dayOf(now);
  const updated = await db.$executeRaw`UPDATE "EmptySearch" SET "count" = "count" + 1 WHERE "query" = ${kept} AND "day" = ${day}`;
  if (updated > 0) return kept;
  const inserted = await db.$executeRaw`
    INSERT INTO "EmptySearch" ("query", "day", "count")
    SELECT ${kept}, ${day}, 1
    WHERE (SELECT count(*) FROM "EmptySearch" WHERE "day" = ${day}) < ${MAX_NEW_QUERIES_PER_DAY}
    ON CONFLICT ("query", "day") DO UPDATE SET "count" = "EmptySearch"."count" + 1`;
  return inserted > 0 ? kept : null;
}

/**
 * The erasure rules of /confidentialite, as of `now`: every row whose day is more than
 * ALL_RETENTION_MONTHS old; the rows more than FEW_DAYS_RETENTION_DAYS old of a query seen on
 * fewer than SHOWN_AFTER_DAYS different days. Returns how many rows went.
 */
export async function eraseExpiredEmptySearches(db: Db, now = new Date()): Promise<number> {
  const today = dayOf(now);
  const yearCutoff = monthsBefore(today, ALL_RETENTION_MONTHS);
  const fewDaysCutoff = daysBefore(today, FEW_DAYS_RETENTION_DAYS);
  const old = await db.$executeRaw`DELETE FROM "EmptySearch" WHERE "day" < ${yearCutoff}`;
  const rare = await db.$executeRaw`
    DELETE FROM "EmptySearch"
    WHERE "day" < ${fewDaysCutoff}
      AND "query" IN (SELECT "query" FROM "EmptySearch" GROUP BY "query" HAVING count(*) < ${SHOWN_AFTER_DAYS})`;
  return old + rare;
}

export type EmptySearchRow = {
  query: string;
  /** Searches in the period. */
  searches: number;
  /** Different days it was searched on in the period (at least SHOWN_AFTER_DAYS). */
  days: number;
  /** Last day it was searched on, YYYY-MM-DD. */
  lastDay: string;
};

/**
 * The queries that found nothing over the last `periodDays` days (today included), most
 * searched first, only those searched on at least SHOWN_AFTER_DAYS different days in the
 * period. Erases what is past its time first.
 */
export async function listTopEmptySearches(
  db: Db,
  { periodDays, limit = 20, now = new Date() }: { periodDays: number; limit?: number; now?: Date },
): Promise<EmptySearchRow[]> {
  await eraseExpiredEmptySearches(db, now);
  const from = daysBefore(dayOf(now), periodDays - 1);
  const rows = await db.$queryRaw<{ query: string; searches: number; days: number; lastDay: Date }[]>`
    SELECT "query", sum("count")::int AS "searches", count(*)::int AS "days", max("day") AS "lastDay"
    FROM "EmptySearch"
    WHERE "day" >= ${from}
    GROUP BY "query"
    HAVING count(*) >= ${SHOWN_AFTER_DAYS}
    ORDER BY "searches" DESC, "days" DESC, "query"
    LIMIT ${limit}`;
  return rows.map((row) => ({ query: row.query, searches: row.searches, days: row.days, lastDay: row.lastDay.toISOString().slice(0, 10) }));
}
