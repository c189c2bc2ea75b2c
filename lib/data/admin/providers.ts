import 'server-only';
// Providers have no links of their own to write (solutions name them): the shared save.
import { saveEntry, type SaveRequest } from '@/lib/data/admin/entries';
import type { Db, WriteContext } from '@/lib/data/admin/write';
import type { ProviderInput } from '@/lib/validation/provider';

export const saveProvider = (db: Db, request: SaveRequest<ProviderInput>, context: WriteContext) => saveEntry(db, 'Provider', request, context);
