// The four definitions by kind of entry, for code that works on "an entry of this type".
import { needEntry } from '@/lib/entries/need';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';
import type { EntityDef, EntryType } from '@/lib/entries/types';

export const ENTRY_DEFS = { Need: needEntry, Solution: solutionEntry, Provider: providerEntry, Theme: themeEntry } as const satisfies Record<EntryType, EntityDef>;
export type EntryDefs = typeof ENTRY_DEFS;

export function entryDef<T extends EntryType>(type: T): EntryDefs[T] {
  return ENTRY_DEFS[type];
}
