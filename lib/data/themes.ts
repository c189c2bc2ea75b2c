import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';

export type ThemeDto = { slug: string; name: string; description: string };

/** Published themes in their display order. */
export async function listThemes(): Promise<ThemeDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  return getDb().theme.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, description: true },
  });
}
