import 'server-only';
// Themes have no links of their own to write (needs name them): the shared save.
import { saveEntry, type SaveRequest } from '@/lib/data/admin/entries';
import type { Db, WriteContext } from '@/lib/data/admin/write';
import type { ThemeInput } from '@/lib/validation/theme';

export const saveTheme = (db: Db, request: SaveRequest<ThemeInput>, context: WriteContext) => saveEntry(db, 'Theme', request, context);
