import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { EntryForm } from '@/components/admin/entry-form';
import { EntryHeader } from '@/components/admin/entry-header';
import { EntryList, listHref } from '@/components/admin/entry-list';
import { HistoryScreen, RemoveScreen, RestoreScreen } from '@/components/admin/entry-screens';
import { ListNotice } from '@/components/admin/list-notice';
import { MoveButtons } from '@/components/admin/move-buttons';
import { NeedForm } from '@/components/admin/need-form';
import { SavedNotice } from '@/components/admin/saved-notice';
import { SolutionForm } from '@/components/admin/solution-form';
import { getEntryForEdit, listAdminEntries, type EntryEditDto } from '@/lib/data/admin/entries';
import { ADMIN_PAGE_SIZE, parseListFilter } from '@/lib/data/admin/lists';
import { getNeedFormOptions } from '@/lib/data/admin/needs';
import { getSolutionFormOptions } from '@/lib/data/admin/solutions';
import { getDb } from '@/lib/db';
import { fieldOf, isFeminine } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntityDef, EntryType } from '@/lib/entries/types';
import { providerRoleLabels } from '@/lib/labels';
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import { isEntryId } from '@/lib/validation/entry';

// The admin screens of every kind of entry, given its type: the list, « nouveau », the edit
// page, and the history, restore and archive/delete screens (components/admin/entry-screens.tsx).
// The page files under app/admin/(espace)/<kind>/ check the member, then call one of these.

type Query = Record<string, string | string[] | undefined>;
export type ListPageProps = { searchParams: Promise<Query> };
export type EntryPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Query> };
export type RecordPageProps = { params: Promise<{ id: string; recordId: string }>; searchParams: Promise<Query> };

/** What the four kinds' screens do differently. */
type ScreenSpec = {
  /** Its public page, when it has one. */
  publicPath?: (slug: string) => string;
  /** Said on « nouveau » after the sentence every draft gets. */
  newIntro?: string;
  /** Heading of the list's second column, when it is not a field. */
  detailLabel?: string;
  /** Its form, with the choices its links and references need. */
  form(entry: EntryEditDto | null): Promise<ReactNode>;
  /** Shown under the form of an existing entry. */
  afterForm?(entry: EntryEditDto): ReactNode;
};

const SCREENS: Record<EntryType, ScreenSpec> = {
  Need: {
    publicPath: needPath,
    async form(entry) {
      const options = await getNeedFormOptions(getDb());
      return <NeedForm key={entry?.version} need={entry as never} themes={options.themes} solutions={options.solutions} needs={options.needs} />;
    },
  },
  Solution: {
    publicPath: solutionPath,
    async form(entry) {
      const options = await getSolutionFormOptions(getDb());
      return <SolutionForm key={entry?.version} solution={entry as never} needs={options.needs} solutions={options.solutions} providers={options.providers} />;
    },
  },
  Provider: {
    publicPath: providerPath,
    newIntro: 'Liez-le ensuite à ses solutions depuis leur fiche.',
    form: async (entry) => <EntryForm key={entry?.version} type="Provider" entry={entry} />,
    afterForm: (entry) => <ProviderSolutions solutions={(entry as EntryEditDto<'Provider'>).solutions} />,
  },
  Theme: {
    detailLabel: 'Besoins classés',
    form: async (entry) => <EntryForm key={entry?.version} type="Theme" entry={entry} />,
  },
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** « Nouveau besoin », « Tous les besoins », « Aucune solution »: the words of a kind. */
function wordsOf(def: EntityDef) {
  const feminine = isFeminine(def);
  return {
    title: capitalized(def.words.plural),
    create: `${feminine ? 'Nouvelle' : 'Nouveau'} ${def.words.one}`,
    all: `${feminine ? 'Toutes' : 'Tous'} les ${def.words.plural}`,
    none: `${feminine ? 'Aucune' : 'Aucun'} ${def.words.one}`,
    aNew: `${feminine ? 'Une nouvelle' : 'Un nouveau'} ${def.words.one}`,
  };
}

const listPath = (def: EntityDef) => `/admin/${def.words.path}`;

export async function EntryListScreen({ type, searchParams }: { type: EntryType; searchParams: Promise<Query> }) {
  const def: EntityDef = ENTRY_DEFS[type];
  const words = wordsOf(def);
  const query = await searchParams;
  const filter = parseListFilter(query);
  const page = await listAdminEntries(getDb(), type, filter);
  const detail = def.adminList.detail ? fieldOf(def, def.adminList.detail)?.label : undefined;
  // Needs have a public order; moving only makes sense on the whole, unfiltered list.
  const canMove = type === 'Need' && !filter.status && !filter.toVerify && !filter.q && !filter.contact;
  const back = listHref(listPath(def), filter, filter.page);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">{words.title}</h1>
        <Link href={`${listPath(def)}/nouveau`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800">
          {words.create}
        </Link>
      </header>
      {type === 'Need' && (
        <>
          <ListNotice error={query.erreur} />
          <p>Dans l’ordre du site public. « Monter » et « Descendre » changent cet ordre.</p>
        </>
      )}
      <EntryList
        basePath={listPath(def)}
        filter={filter}
        page={page}
        detailLabel={detail ?? SCREENS[type].detailLabel ?? ''}
        emptyLabel={`${words.none} ne correspond à ces filtres.`}
        extraHeader={canMove ? 'Ordre' : undefined}
        hasContactColumn={'contactEmail' in def.fields}
        rowExtra={
          canMove
            ? (row, index) => (
                <MoveButtons
                  id={row.id}
                  version={row.version}
                  title={row.title}
                  back={back}
                  isFirst={filter.page === 1 && index === 0}
                  isLast={index === page.rows.length - 1 && filter.page * ADMIN_PAGE_SIZE >= page.total}
                />
              )
            : undefined
        }
      />
    </div>
  );
}

export async function NewEntryScreen({ type }: { type: EntryType }) {
  const def: EntityDef = ENTRY_DEFS[type];
  const words = wordsOf(def);
  const spec = SCREENS[type];
  const status = def.fields.status;
  const isDraft = status?.type === 'choice' && status.default === 'DRAFT';
  const intro = [isDraft ? `${words.aNew} est un brouillon tant que vous ne choisissez pas « Publié ».` : '', spec.newIntro ?? ''].filter(Boolean).join(' ');
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={listPath(def)}>← {words.all}</Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-900">{words.create}</h1>
        {intro && <p>{intro}</p>}
      </header>
      {await spec.form(null)}
    </div>
  );
}

export async function EditEntryScreen({ type, params, searchParams }: { type: EntryType } & EntryPageProps) {
  const def: EntityDef = ENTRY_DEFS[type];
  const spec = SCREENS[type];
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  const entry = await getEntryForEdit(getDb(), type, id);
  if (!entry) notFound();
  return (
    <div className="space-y-8">
      <EntryHeader
        listPath={listPath(def)}
        listLabel={wordsOf(def).all}
        title={String(entry[def.titleField as keyof typeof entry])}
        status={entry.status}
        version={entry.version}
        updatedAt={entry.updatedAt}
        publicPath={spec.publicPath ? spec.publicPath(entry.slug) : null}
        id={entry.id}
      />
      <SavedNotice state={query.etat} isPublished={entry.status === 'PUBLISHED'} skipped={query.ignores} />
      {/* A new key per version: after a save, the form starts again from the saved entry. */}
      {await spec.form(entry)}
      {spec.afterForm?.(entry)}
    </div>
  );
}

export async function EntryHistoryScreen({ type, params, searchParams }: { type: EntryType } & EntryPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  return <HistoryScreen entityType={type} id={id} page={parseListFilter(query).page} />;
}

export async function EntryRestoreScreen({ type, params, searchParams }: { type: EntryType } & RecordPageProps) {
  const [{ id, recordId }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id) || !isEntryId(recordId)) notFound();
  return <RestoreScreen entityType={type} id={id} recordId={recordId} side={query.version === 'avant' ? 'before' : 'after'} />;
}

export async function EntryRemoveScreen({ type, params }: { type: EntryType; params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isEntryId(id)) notFound();
  return <RemoveScreen entityType={type} id={id} />;
}

/** A provider's links are edited from each solution: its page lists them. */
function ProviderSolutions({ solutions }: { solutions: { id: string; title: string; role: string }[] }) {
  return (
    <section aria-labelledby="titre-solutions-liees" className="space-y-2 border-t border-slate-200 pt-6">
      <h2 id="titre-solutions-liees" className="text-xl font-semibold">
        Solutions liées
      </h2>
      <p className="text-sm text-slate-700">Les liens et leur rôle se modifient depuis la fiche de chaque solution.</p>
      {solutions.length === 0 ? (
        <p>Aucune solution liée.</p>
      ) : (
        <ul className="list-disc pl-6">
          {solutions.map((link) => (
            <li key={`${link.id}:${link.role}`}>
              <Link href={`/admin/solutions/${link.id}`}>{link.title}</Link> ({providerRoleLabels[link.role as keyof typeof providerRoleLabels] ?? link.role})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
