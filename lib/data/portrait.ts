import 'server-only';
// The funders' portrait: the cached published dataset, with the figures computed at request
// time (the share verified "in the last 12 months" depends on today's date, and cached data
// functions never read the clock).
import { getPublishedDataset } from '@/lib/data/export';
import { computePortrait } from '@/lib/portrait/compute';
import type { Portrait } from '@/lib/portrait/types';

export async function getPortrait(now: Date): Promise<Portrait> {
  return computePortrait(await getPublishedDataset(), now);
}
