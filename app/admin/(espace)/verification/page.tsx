import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CampaignForm, StopReplyForm } from '@/components/admin/verification-forms';
import { requireUser } from '@/lib/authz';
import { getVerificationOverview, type VerificationRow } from '@/lib/data/admin/verification';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { previewVerificationRequest } from '@/lib/verification/preview';
import { FIRST_REMINDER_DAYS, LAST_REMINDER_DAYS, NO_ANSWER_AFTER_LAST_REMINDER_DAYS } from '@/lib/verification/policy';
import { REQUEST_STATUS_LABELS } from '@/lib/verification/status';

export const metadata: Metadata = { title: 'Vérification des fournisseurs' };

const date = (iso: string | null) => (iso ? formatDate(iso) : '—');

function statusOf(row: VerificationRow): string {
  if (row.request) return REQUEST_STATUS_LABELS[row.request.status];
  if (!row.hasContact) return 'Sans contact : aucune demande possible';
  if (row.isSuppressed) return 'Arrêt demandé : aucune demande';
  return 'Pas encore demandée';
}

export default async function VerificationPage() {
  await connection();
  await requireUser();
  const db = getDb();
  const [overview, preview] = await Promise.all([getVerificationOverview(db), previewVerificationRequest(db)]);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Vérification des fournisseurs</h1>
        <p className="max-w-3xl">
          Une fois par année, le répertoire demande à chaque fournisseur de confirmer ou de mettre à jour sa fiche. Une
          relance part {FIRST_REMINDER_DAYS} jours après la demande, une dernière après {LAST_REMINDER_DAYS} jours. Sans
          réponse {NO_ANSWER_AFTER_LAST_REMINDER_DAYS} jours après cette dernière relance, la fiche est marquée « à vérifier »
          avec une note.
        </p>
      </header>

      <section aria-labelledby="titre-a-demander" className="space-y-3">
        <h2 id="titre-a-demander" className="text-2xl font-semibold">
          À vérifier cette année
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong className="tabular-nums">{overview.due}</strong> fournisseur{overview.due > 1 ? 's' : ''} publié{overview.due > 1 ? 's' : ''} non
            vérifié{overview.due > 1 ? 's' : ''} depuis 12 mois ou jamais ;
          </li>
          <li>
            <strong className="tabular-nums">{overview.dueWithContact}</strong> ont une adresse de contact (les autres : ajoutez-la dans leur fiche,
            avec sa source) ;
          </li>
          <li>
            <strong className="tabular-nums">{overview.dueOpen}</strong> attendent déjà une réponse, <strong className="tabular-nums">{overview.dueSuppressed}</strong> ont
            demandé l’arrêt des courriels ;
          </li>
          <li>
            <strong className="tabular-nums">{overview.sendable}</strong> recevront une demande si vous l’envoyez maintenant.
          </li>
        </ul>
        <CampaignForm sendable={overview.sendable} />
      </section>

      <section aria-labelledby="titre-apercu" className="space-y-3">
        <h2 id="titre-apercu" className="text-2xl font-semibold">
          Aperçu du message
        </h2>
        {preview ? (
          <>
            <p>
              Tel que le recevra {preview.providerName} (le lien, à usage unique, est créé à l’envoi et reste valide 7 jours).
            </p>
            <p>
              <span className="font-medium">Sujet : </span>
              {preview.subject}
            </p>
            <pre className="max-w-3xl overflow-x-auto whitespace-pre-wrap rounded border border-slate-300 bg-slate-50 p-4 font-sans text-sm">{preview.text}</pre>
          </>
        ) : (
          <p>Aucun fournisseur à vérifier n’a d’adresse de contact : rien à prévisualiser.</p>
        )}
      </section>

      <section aria-labelledby="titre-suivi" className="space-y-3">
        <h2 id="titre-suivi" className="text-2xl font-semibold">
          Suivi par fournisseur
        </h2>
        {overview.rows.length === 0 ? (
          <p>Tous les fournisseurs publiés ont été vérifiés dans la dernière année, et aucune demande n’est en cours.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full border-collapse text-left text-sm">
              <caption className="sr-only">Demandes de vérification par fournisseur</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">Fournisseur</th>
                  <th scope="col" className="p-2">Vérifiée le</th>
                  <th scope="col" className="p-2">Contact</th>
                  <th scope="col" className="p-2">État</th>
                  <th scope="col" className="p-2">Demande</th>
                  <th scope="col" className="p-2">Relances</th>
                  <th scope="col" className="p-2">Réponse</th>
                </tr>
              </thead>
              <tbody>
                {overview.rows.map((row) => (
                  <tr key={row.providerId} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-normal">
                      <Link href={`/admin/fournisseurs/${row.providerId}`}>{row.name}</Link>
                    </th>
                    <td className="p-2">{row.verifiedAt ? formatDate(row.verifiedAt) : 'jamais'}</td>
                    <td className="p-2">{row.hasContact ? (row.isSuppressed ? 'oui (arrêt demandé)' : 'oui') : 'non'}</td>
                    <td className="p-2">{statusOf(row)}</td>
                    <td className="p-2">{date(row.request?.sentAt ?? null)}</td>
                    <td className="p-2">
                      {row.request?.reminder1At ? date(row.request.reminder1At) : '—'}
                      {row.request?.reminder2At ? `, ${date(row.request.reminder2At)}` : ''}
                    </td>
                    <td className="p-2">{date(row.request?.answeredAt ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="titre-arret" className="space-y-3">
        <h2 id="titre-arret" className="text-2xl font-semibold">
          Demandes d’arrêt
        </h2>
        <p className="max-w-3xl">
          Chaque message offre un lien pour ne plus en recevoir ; une personne peut aussi répondre « Arrêt ». Enregistrez ici
          ces réponses : l’adresse ne recevra plus de demandes ni de relances. Adresses en arrêt :{' '}
          <strong className="tabular-nums">{overview.suppressedAddresses}</strong>.
        </p>
        <StopReplyForm />
      </section>
    </div>
  );
}
