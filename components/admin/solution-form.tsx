'use client';

// The solution's form: its fields come from its definition (components/admin/entry-form.tsx);
// written here are its links: the needs it answers, and its providers with their role.
import { EntryForm, type EntryFormEntry } from '@/components/admin/entry-form';
import { CheckboxGroup, FormField, FormSection, SelectField } from '@/components/admin/entry-fields';
import { providerRoleLabels } from '@/lib/labels';
import { providerRoles } from '@/lib/validation/solution';

const FIELDS = {
  needs: ['solution-besoins', 'Besoins'],
  providers: ['solution-fournisseurs', 'Fournisseurs'],
  addProviderSlug: ['solution-ajout-fournisseur', 'Fournisseur à ajouter'],
  addProviderRole: ['solution-ajout-role', 'Rôle du fournisseur ajouté'],
} as const;

type Option = { id: string; label: string };

export type SolutionFormValues = EntryFormEntry & {
  needs: { id: string; title: string }[];
  providers: { id: string; name: string; role: string; isRoleInferred: boolean }[];
};

export function SolutionForm({ solution, needs, solutions, providers }: { solution: SolutionFormValues | null; needs: Option[] | null; solutions: Option[] | null; providers: Option[] | null }) {
  const needChoices = needs ?? solution?.needs.map((need) => ({ id: need.id, label: need.title })) ?? [];
  return (
    <EntryForm
      type="Solution"
      entry={solution}
      refOptions={{ parentId: solutions }}
      linkFields={FIELDS}
      linksBeforeVerification
      links={(values, errors) => {
        const checkedNeeds = values.list('needId', solution?.needs.map((need) => need.id) ?? []);
        const checkedLinks = values.list('providerLink', solution?.providers.map((link) => `${link.id}:${link.role}`) ?? []);
        const inferredLinks = values.list('inferredLink', solution?.providers.filter((link) => link.isRoleInferred).map((link) => `${link.id}:${link.role}`) ?? []);
        return (
          <>
          <FormSection id="titre-besoins" title="Besoins auxquels elle répond">
            <CheckboxGroup id={FIELDS.needs[0]} legend="Besoins" name="needId" options={needChoices.map((need) => ({ value: need.id, label: need.label }))} checked={checkedNeeds} errors={errors.needs} />
          </FormSection>
          <FormSection id="titre-fournisseurs" title="Fournisseurs">
            <fieldset id={FIELDS.providers[0]} className="space-y-2" aria-describedby={errors.providers ? `${FIELDS.providers[0]}-erreur` : undefined}>
              <legend className="font-medium">Fournisseurs liés et leur rôle</legend>
              {solution && solution.providers.length > 0 ? (
                <ul className="space-y-1">
                  {solution.providers.map((link) => (
                    <li key={`${link.id}:${link.role}`} className="flex flex-wrap items-start gap-x-6 gap-y-1">
                      <span className="flex items-start gap-2">
                        <input
                          type="checkbox"
                          id={`fournisseur-${link.id}-${link.role}`}
                          name="providerLink"
                          value={`${link.id}:${link.role}`}
                          defaultChecked={checkedLinks.includes(`${link.id}:${link.role}`)}
                          className="mt-1.5 h-4 w-4 shrink-0"
                        />
                        <label htmlFor={`fournisseur-${link.id}-${link.role}`}>
                          {link.name} ({providerRoleLabels[link.role as keyof typeof providerRoleLabels] ?? link.role})
                        </label>
                      </span>
                      <span className="flex items-start gap-2 text-sm">
                        <input
                          type="checkbox"
                          id={`fournisseur-deduit-${link.id}-${link.role}`}
                          name="inferredLink"
                          value={`${link.id}:${link.role}`}
                          defaultChecked={inferredLinks.includes(`${link.id}:${link.role}`)}
                          className="mt-1 h-4 w-4 shrink-0"
                        />
                        <label htmlFor={`fournisseur-deduit-${link.id}-${link.role}`}>
                          rôle déduit par l’équipe<span className="sr-only"> : {link.name}</span>
                        </label>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucun fournisseur lié.</p>
              )}
              <p className="text-sm text-slate-700">Décochez pour retirer le lien (le fournisseur reste dans le répertoire).</p>
              {errors.providers && <p id={`${FIELDS.providers[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.providers[0]}</p>}
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="font-medium">Ajouter un fournisseur</legend>
              {providers ? (
                <SelectField
                  id="solution-ajout-fournisseur-liste"
                  name="addProviderId"
                  label="Fournisseur"
                  options={[{ value: '', label: '(aucun)' }, ...providers.map((option) => ({ value: option.id, label: option.label }))]}
                  defaultValue={values.text('addProviderId', '')}
                />
              ) : (
                <FormField
                  id={FIELDS.addProviderSlug[0]}
                  name="addProviderSlug"
                  label="Adresse du fournisseur"
                  hint="La fin de l’adresse de sa page publique, par exemple « centre-de-formation-communautaire »."
                  defaultValue={values.text('addProviderSlug', '')}
                  errors={errors.addProviderSlug}
                />
              )}
              <SelectField id={FIELDS.addProviderRole[0]} name="addProviderRole" label="Rôle" options={providerRoles.map((role) => ({ value: role, label: providerRoleLabels[role] }))} defaultValue={values.text('addProviderRole', 'OFFERS')} errors={errors.addProviderRole} />
            </fieldset>
          </FormSection>
          </>
        );
      }}
    />
  );
}
