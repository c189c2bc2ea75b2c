import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import type { SitemapDto } from '@/lib/data/types';

const PUBLISHED = 'PUBLISHED' as const;
const slugAndDate = { slug: true, updatedAt: true } as const;

/** Every published entry's slug and last change, for sitemap.xml. */
export async function listSitemapEntries(): Promise<SitemapDto> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const db = getDb();
  const [needs, providers, solutions] = await Promise.all([
    db.need.findMany({ where: { status: PUBLISHED }, orderBy: { position: 'asc' }, select: slugAndDate }),
    db.provider.findMany({ where: { status: PUBLISHED }, orderBy: { slug: 'asc' }, select: slugAndDate }),
    db.solution.findMany({ where: { status: PUBLISHED }, orderBy: { slug: 'asc' }, select: slugAndDate }),
  ]);
  const toEntry = (row: { slug: string; updatedAt: Date }) => ({ slug: row.slug, updatedAt: row.updatedAt.toISOString() });
  return { needs: needs.map(toEntry), providers: providers.map(toEntry), solutions: solutions.map(toEntry) };
}
