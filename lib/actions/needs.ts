'use server';

// The "Monter" / "Descendre" buttons of the list of needs (their form is saved like every
// entry's: lib/actions/entries.ts).
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { moveNeed } from '@/lib/data/admin/needs';
import { getDb } from '@/lib/db';
import { entryIdSchema, versionSchema } from '@/lib/validation/entry';
import type { FormState } from '@/lib/validation/form-state';

/**
 * "Monter" / "Descendre" on the list of needs: a plain form per button (bound with an idle
 * state), which always answers with a redirect back to the list, with ?erreur= when refused.
 */
export async function moveNeedAction(_previous: FormState, formData: FormData): Promise<void> {
  const user = await requireUser();
  const id = entryIdSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  const direction = formData.get('direction') === 'up' ? 'up' : 'down';
  const back = formData.get('back');
  const listPath = typeof back === 'string' && /^\/admin\/besoins(\?[\w=&%.-]*)?$/.test(back) ? back : '/admin/besoins';
  const withError = (code: string) => `${listPath}${listPath.includes('?') ? '&' : '?'}erreur=${code}`;
  if (!id.success || !version.success) redirect(withError('introuvable'));
  const outcome = await moveNeed(getDb(), id.data, version.data, direction, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) redirect(withError(outcome.reason === 'conflict' ? 'conflit' : 'introuvable'));
  updateTag(INVENTORY_TAG);
  redirect(`${listPath}#fiche-${id.data}`);
}
