'use client';

// The need's form: its fields come from its definition (components/admin/entry-form.tsx);
// written here are its links: the solutions that answer it, in order, and the needs it says
// it is « lié à ».
import { EntryForm, type EntryFormEntry } from '@/components/admin/entry-form';
import { FormSection, TextAreaField } from '@/components/admin/entry-fields';

type Option = { id: string; label: string; slug?: string };

export type NeedFormProps = {
  need: (EntryFormEntry & {
    solutions: { id: string; title: string; position: number }[];
    links: { id: string; title: string; note: string }[];
  }) | null;
  themes: Option[];
  /** Null when there are too many to list: the form asks for slugs. */
  solutions: Option[] | null;
  needs: Option[] | null;
};

const FIELDS = {
  solutions: ['besoin-solutions', 'Solutions'],
  links: ['besoin-liens', 'Besoins liés'],
  addSolutionSlugs: ['besoin-ajout-solutions', 'Solutions à ajouter'],
  addLinkSlugs: ['besoin-ajout-liens', 'Besoins à lier'],
} as const;

type PickOrPasteProps = {
  /** The entries to pick from; null when there are too many to list. */
  options: Option[] | null;
  checkedIds: string[];
  name: string;
  idPrefix: string;
  legend: string;
  help: string;
  /** The text area that asks for addresses (slugs) instead. */
  paste: { id: string; name: string; label: string; hint: string; value: string; errors?: string[] };
};

/** More entries to link: checkboxes when the list is short enough to show, else a text area for their addresses. */
function PickOrPaste({ options, checkedIds, name, idPrefix, legend, help, paste }: PickOrPasteProps) {
  if (!options) return <TextAreaField id={paste.id} name={paste.name} label={paste.label} hint={paste.hint} rows={3} defaultValue={paste.value} errors={paste.errors} />;
  if (options.length === 0) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      <p className="text-sm text-slate-700">{help}</p>
      <ul className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-300 p-2">
        {options.map((option) => (
          <li key={option.id} className="flex items-start gap-2">
            <input type="checkbox" id={`${idPrefix}-${option.id}`} name={name} value={option.id} defaultChecked={checkedIds.includes(option.id)} className="mt-1.5 h-4 w-4 shrink-0" />
            <label htmlFor={`${idPrefix}-${option.id}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function NeedForm({ need, themes, solutions, needs }: NeedFormProps) {
  const otherSolutions = (solutions ?? []).filter((option) => !need?.solutions.some((link) => link.id === option.id));
  const otherNeeds = (needs ?? []).filter((option) => option.id !== need?.id && !need?.links.some((link) => link.id === option.id));
  return (
    <EntryForm
      type="Need"
      entry={need}
      refOptions={{ themeId: themes }}
      linkFields={FIELDS}
      links={(values, errors) => {
        const linkedSolutionIds = values.list('solutionId', need?.solutions.map((link) => link.id) ?? []);
        const linkedNeedIds = values.list('linkId', need?.links.map((link) => link.id) ?? []);
        return (
          <>
          <FormSection id="titre-solutions" title="Solutions liées">
            <fieldset id={FIELDS.solutions[0]} className="space-y-3" aria-describedby={errors.solutions ? `${FIELDS.solutions[0]}-erreur` : undefined}>
              <legend className="font-medium">Solutions de ce besoin, dans l’ordre</legend>
              {need && need.solutions.length > 0 ? (
                <ul className="space-y-2">
                  {need.solutions.map((link) => (
                    <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                      <span className="flex items-start gap-2">
                        <input
                          type="checkbox"
                          id={`solution-${link.id}`}
                          name="solutionId"
                          value={link.id}
                          defaultChecked={linkedSolutionIds.includes(link.id)}
                          className="mt-1.5 h-4 w-4 shrink-0"
                        />
                        <label htmlFor={`solution-${link.id}`}>{link.title}</label>
                      </span>
                      <span className="flex items-center gap-2">
                        <label htmlFor={`solution-ordre-${link.id}`} className="text-sm">
                          Ordre<span className="sr-only"> de « {link.title} »</span>
                        </label>
                        <input
                          id={`solution-ordre-${link.id}`}
                          name={`solutionPosition.${link.id}`}
                          inputMode="numeric"
                          defaultValue={values.text(`solutionPosition.${link.id}`, link.position)}
                          className="w-20 rounded border border-slate-500 px-2 py-1"
                        />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucune solution liée pour l’instant.</p>
              )}
              <p className="text-sm text-slate-700">Décochez une solution pour retirer le lien (la solution elle-même reste dans le répertoire).</p>
              {errors.solutions && <p id={`${FIELDS.solutions[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.solutions[0]}</p>}
            </fieldset>
            <PickOrPaste
              options={solutions && otherSolutions}
              checkedIds={linkedSolutionIds}
              name="solutionId"
              idPrefix="ajout-solution"
              legend="Ajouter des solutions"
              help="Cochez-les : elles s’ajoutent à la fin, dans l’ordre alphabétique."
              paste={{
                id: FIELDS.addSolutionSlugs[0],
                name: 'addSolutionSlugs',
                label: 'Solutions à ajouter',
                hint: 'Collez l’adresse (ou la fin de l’adresse, par exemple « clinique-juridique ») de chaque solution, une par ligne.',
                value: values.text('addSolutionSlugs', ''),
                errors: errors.addSolutionSlugs,
              }}
            />
          </FormSection>

          <FormSection id="titre-liens" title="Besoins liés (« Lié à… »)">
            <fieldset id={FIELDS.links[0]} className="space-y-3" aria-describedby={errors.links ? `${FIELDS.links[0]}-erreur` : undefined}>
              <legend className="font-medium">Ce besoin est lié à</legend>
              {need && need.links.length > 0 ? (
                <ul className="space-y-3">
                  {need.links.map((link) => (
                    <li key={link.id} className="space-y-1">
                      <span className="flex items-start gap-2">
                        <input type="checkbox" id={`lien-${link.id}`} name="linkId" value={link.id} defaultChecked={linkedNeedIds.includes(link.id)} className="mt-1.5 h-4 w-4 shrink-0" />
                        <label htmlFor={`lien-${link.id}`}>{link.title}</label>
                      </span>
                      <span className="block pl-6">
                        <label htmlFor={`lien-note-${link.id}`} className="block text-sm">
                          Note du lien
                        </label>
                        <input
                          id={`lien-note-${link.id}`}
                          name={`linkNote.${link.id}`}
                          defaultValue={values.text(`linkNote.${link.id}`, link.note)}
                          className="block w-full max-w-xl rounded border border-slate-500 px-2 py-1"
                        />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucun lien pour l’instant.</p>
              )}
              {errors.links && <p id={`${FIELDS.links[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.links[0]}</p>}
            </fieldset>
            <PickOrPaste
              options={needs && otherNeeds}
              checkedIds={linkedNeedIds}
              name="linkId"
              idPrefix="ajout-lien"
              legend="Lier à d’autres besoins"
              help="Cochez-les; vous pourrez ajouter une note au lien après l’enregistrement."
              paste={{
                id: FIELDS.addLinkSlugs[0],
                name: 'addLinkSlugs',
                label: 'Besoins à lier',
                hint: 'L’adresse de chaque besoin (par exemple « conformite-loi-25 »), une par ligne.',
                value: values.text('addLinkSlugs', ''),
                errors: errors.addLinkSlugs,
              }}
            />
          </FormSection>
          </>
        );
      }}
    />
  );
}
