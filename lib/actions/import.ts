'use server';

// The import page's one form action (EDITOR and ADMIN): "preview" reads the uploaded file and
// returns what it would do; "apply" receives the file's text back from the preview, and
// lib/import/apply.ts parses, checks and plans it again inside its transaction before writing
// anything. Authorize -> read the input -> lib/import -> updateTag -> a state for useActionState.
import { updateTag } from 'next/cache';
import { z } from 'zod';
import { getRequestIp } from '@/lib/auth';
import { requireUser, type CurrentUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { getDb } from '@/lib/db';
import type { EntryType } from '@/lib/history/snapshot';
import { applyImport } from '@/lib/import/apply';
import { parseImportFile } from '@/lib/import/parse';
import { hasErrors, planImport } from '@/lib/import/plan';
import { publicPathOf, toPreview, type ImportPreview } from '@/lib/import/preview';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, plural } from '@/lib/import/words';

export type AppliedEntryView = { entity: EntryType; slug: string; name: string; isPublished: boolean; path: string | null };

export type ImportState = {
  status: 'idle' | 'error' | 'preview' | 'success';
  message?: string;
  preview?: ImportPreview;
  /** Sent back with "Appliquer" (only when the preview has no errors). */
  content?: string;
  applied?: { created: AppliedEntryView[]; updated: AppliedEntryView[] };
};

const applySchema = z.object({
  content: z.string().min(1).max(MAX_IMPORT_BYTES),
  fileName: z.string().max(255),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  newStatus: z.enum(['PUBLISHED', 'DRAFT']).default('DRAFT'),
});

function summaryOf(preview: ImportPreview): string {
  const { create, update, unchanged, error } = preview.counts;
  if (preview.fileErrors.length > 0) return 'Ce fichier ne peut pas être importé : voyez la raison ci-dessous.';
  if (error > 0) {
    return `${plural(error, 'ligne a', 'lignes ont')} des erreurs : rien ne sera importé tant qu’elles ne sont pas corrigées. Corrigez le fichier, puis téléversez-le de nouveau.`;
  }
  if (create + update === 0) return `Rien à changer : les ${plural(unchanged, 'fiche', 'fiches')} du fichier correspondent déjà au répertoire.`;
  return `Aperçu prêt : ${plural(create, 'fiche à créer', 'fiches à créer')}, ${plural(update, 'fiche à modifier', 'fiches à modifier')}, ${plural(unchanged, 'inchangée', 'inchangées')}. Vérifiez, puis appliquez.`;
}

async function preview(formData: FormData): Promise<ImportState> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: 'Choisissez un fichier CSV ou JSON à importer.' };
  if (file.size > MAX_IMPORT_BYTES) return { status: 'error', message: `Ce fichier est trop gros (plus de ${MAX_IMPORT_LABEL}). Importez les fiches en plusieurs fichiers.` };
  const content = await file.text();
  if (content.includes('\uFFFD')) {
    return { status: 'error', message: 'Ce fichier n’est pas encodé en UTF-8 : les accents seraient perdus. Dans votre tableur, enregistrez-le au format « CSV UTF-8 », puis recommencez.' };
  }
  const { plan } = await planImport(getDb(), parseImportFile(file.name, content), content);
  const shown = toPreview(plan, file.name.slice(0, 255));
  const isBlocked = hasErrors(plan);
  return { status: isBlocked ? 'error' : 'preview', message: summaryOf(shown), preview: shown, content: isBlocked ? undefined : content };
}

async function apply(formData: FormData, user: CurrentUser): Promise<ImportState> {
  const parsed = applySchema.safeParse({
    content: formData.get('content'),
    fileName: formData.get('fileName'),
    hash: formData.get('hash'),
    newStatus: formData.get('newStatus') ?? undefined,
  });
  if (!parsed.success) return { status: 'error', message: 'L’aperçu est incomplet ou trop ancien : téléversez le fichier de nouveau.' };
  const { content, fileName, hash, newStatus } = parsed.data;
  const result = await applyImport(getDb(), { fileName, content }, { newStatus, actor: { actorId: user.id, ip: await getRequestIp() }, expectedHash: hash });
  if (!result.ok) {
    if (result.reason === 'conflict') {
      return { status: 'error', message: 'Une fiche a été modifiée par quelqu’un d’autre pendant l’import : rien n’a été écrit. Téléversez le fichier de nouveau pour voir un aperçu à jour.' };
    }
    const shown = toPreview(result.plan, fileName);
    if (result.reason === 'invalid') return { status: 'error', message: summaryOf(shown), preview: shown };
    return {
      status: 'preview',
      message: 'Des fiches ont changé depuis l’aperçu : rien n’a été écrit. Voici l’aperçu à jour ; vérifiez-le, puis appliquez de nouveau.',
      preview: shown,
      content,
    };
  }
  const view = (entry: (typeof result.created)[number]): AppliedEntryView => ({
    entity: entry.entity,
    slug: entry.slug,
    name: entry.name,
    isPublished: entry.status === 'PUBLISHED',
    path: publicPathOf(entry.entity, entry.slug),
  });
  const created = result.created.map(view);
  const updated = result.updated.map(view);
  if (created.length + updated.length === 0) return { status: 'success', message: 'Rien à changer : le fichier correspond déjà au répertoire.' };
  // Public pages show the change at their next request.
  updateTag(INVENTORY_TAG);
  return {
    status: 'success',
    message: `Import appliqué : ${plural(created.length, 'fiche créée', 'fiches créées')}, ${plural(updated.length, 'fiche modifiée', 'fiches modifiées')}. Chaque changement est inscrit à l’historique.`,
    applied: { created, updated },
  };
}

export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await requireUser();
  return formData.get('intent') === 'apply' ? apply(formData, user) : preview(formData);
}
