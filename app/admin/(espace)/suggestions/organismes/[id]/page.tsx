import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ClaimDecision } from '@/components/verification/claim-decision';
import { ProposalDecision } from '@/components/verification/proposal-decision';
import { requireUser } from '@/lib/authz';
import { getProposal, type ProposalChanges } from '@/lib/data/provider-proposals';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { diffSnapshots } from '@/lib/history/diff';
import { FIELD_SPECS } from '@/lib/history/fields';

export const metadata: Metadata = { title: 'Demande d’un organisme' };

type Props = { params: Promise<{ id: string }> };

const STATUS = { PENDING: 'À traiter', ACCEPTED: 'Acceptée', REJECTED: 'Refusée' } as const;

export default async function OrganizationProposalPage({ params }: Props) {
  await connection();
  await requireUser();
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/.test(id)) notFound();
  const proposal = await getProposal(getDb(), id);
  if (!proposal) notFound();
  const isClaim = proposal.kind === 'CLAIM_REQUEST';
  const diff = (type: 'Provider' | 'Solution', changes: ProposalChanges) =>
    diffSnapshots(
      type,
      Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.before])),
      Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.after])),
    );
  // The provider's own fields first, then one group per solution it offers.
  const groups = [
    ...(Object.keys(proposal.changes).length > 0 ? [{ key: '', title: 'La fiche de l’organisme', changes: diff('Provider', proposal.changes) }] : []),
    ...proposal.solutionChanges.map((solution) => ({ key: solution.solutionId, title: `Solution : ${solution.title}`, changes: diff('Solution', solution.changes) })),
  ];
  const label = (key: string) => FIELD_SPECS.Provider[key]?.label ?? key;
  const solutionLabel = (key: string) => FIELD_SPECS.Solution[key]?.label ?? key;
  const staleSolutions = proposal.solutionChanges.filter((solution) => proposal.solutionVersions[solution.solutionId] !== solution.baseVersion);

  return (
    <div className="max-w-3xl space-y-8">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/admin/suggestions">Suggestions du public</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{isClaim ? 'Demande de lien' : 'Changements proposés'}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">
          {isClaim ? 'Demande de lien de mise à jour' : 'Changements proposés par l’organisme'} : {proposal.providerName}
        </h1>
        <p>
          {STATUS[proposal.status]} · reçue le <time dateTime={proposal.createdAt}>{formatDate(proposal.createdAt)}</time>
          {proposal.decidedAt && (
            <>
              {' '}
              · traitée le <time dateTime={proposal.decidedAt}>{formatDate(proposal.decidedAt)}</time>
            </>
          )}{' '}
          · <Link href={`/admin/fournisseurs/${proposal.providerId}`}>ouvrir la fiche</Link>
        </p>
      </header>

      {isClaim ? (
        <section aria-labelledby="titre-demande" className="space-y-2">
          <h2 id="titre-demande" className="text-2xl font-semibold">
            Ce que la personne a écrit
          </h2>
          <p>
            Cette adresse n’est pas le contact privé de la fiche (ou la fiche n’en a pas). Vérifiez que la personne représente l’organisme avant
            d’envoyer le lien.
          </p>
          <dl className="space-y-2">
            <dt className="font-semibold">Adresse courriel</dt>
            <dd className="break-words">{proposal.email ?? '(effacée après la décision)'}</dd>
            <dt className="font-semibold">Qui elle dit être</dt>
            <dd className="whitespace-pre-wrap break-words">{proposal.message || '(rien)'}</dd>
          </dl>
        </section>
      ) : proposal.status !== 'PENDING' ? (
        <section aria-labelledby="titre-changements" className="space-y-2">
          <h2 id="titre-changements" className="text-2xl font-semibold">
            Changements proposés
          </h2>
          <ul className="list-disc pl-6">
            {Object.keys(proposal.changes).map((key) => (
              <li key={key}>
                {label(key)} : {proposal.acceptedFields.includes(key) ? 'accepté' : 'non retenu'}
              </li>
            ))}
            {proposal.solutionChanges.flatMap((solution) =>
              Object.keys(solution.changes).map((key) => (
                <li key={`${solution.solutionId}.${key}`}>
                  Solution « {solution.title} », {solutionLabel(key).toLowerCase()} : {proposal.acceptedFields.includes(`${solution.solutionId}.${key}`) ? 'accepté' : 'non retenu'}
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}

      {proposal.status !== 'PENDING' ? (
        proposal.decisionNote && <p className="whitespace-pre-wrap break-words">Note : {proposal.decisionNote}</p>
      ) : isClaim ? (
        <ClaimDecision proposalId={proposal.id} />
      ) : (
        <>
          {proposal.baseVersion !== null && proposal.baseVersion !== proposal.providerVersion && (
            <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-3" role="status">
              La fiche a été modifiée depuis que l’organisme l’a ouverte : accepter montrera d’abord ce qui a changé entre-temps.
            </p>
          )}
          {staleSolutions.length > 0 && (
            <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-3" role="status">
              {staleSolutions.length > 1 ? 'Des solutions ont été modifiées ou supprimées' : `La solution « ${staleSolutions[0]!.title} » a été modifiée ou supprimée`}{' '}
              depuis que l’organisme a ouvert sa fiche : accepter montrera d’abord ce qui a changé entre-temps.
            </p>
          )}
          <ProposalDecision proposalId={proposal.id} groups={groups} />
        </>
      )}
    </div>
  );
}
