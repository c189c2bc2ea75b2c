import { Abbreviated } from '@/components/ui/abbreviated';
import type { ReactNode } from 'react';
import type { ThemeDto } from '@/lib/data/themes';
import { Audience, HelpKind, Region, ServiceFormat } from '@/lib/generated/prisma/enums';
import { audienceLabels, formatLabels, helpKindLabels, regionLabels } from '@/lib/labels';
import type { MatchAnswers } from '@/lib/matching/types';

const budgets = [
  { value: 'none', label: 'Aucun budget pour l’instant' },
  { value: 'small', label: 'Un petit budget' },
  { value: 'any', label: 'Nous pouvons payer un service' },
] as const;

const audiences: Audience[] = [Audience.COMMUNITY_ORGANIZATIONS, Audience.SOCIAL_ECONOMY, Audience.NONPROFITS, Audience.CULTURE];
const regions = Object.values(Region).filter((region) => region !== 'ALL_QUEBEC' && region !== 'ONLINE');

function Question({ number, legend, hint, children }: { number: number; legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-300 p-4">
      <legend className="px-1 text-lg font-semibold">
        {number}. {legend}
      </legend>
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      {children}
    </fieldset>
  );
}

function Choice({ type, name, value, checked, children }: { type: 'checkbox' | 'radio'; name: string; value: string; checked: boolean; children: ReactNode }) {
  return (
    <label className="flex min-h-8 cursor-pointer items-start gap-2">
      <input type={type} name={name} value={value} defaultChecked={checked} className="mt-1 size-5 shrink-0 accent-brand-700" />
      <span>{children}</span>
    </label>
  );
}

/** The six questions, as a plain GET form: it works without JavaScript and its result URL can be shared. */
export function MatchForm({ themes, answers }: { themes: ThemeDto[]; answers: MatchAnswers }) {
  return (
    <form method="get" action="/trouver#resultats" className="space-y-5" aria-labelledby="titre-questions">
      <h2 id="titre-questions" className="text-2xl font-semibold">
        Vos réponses
      </h2>
      <p className="text-slate-800">Toutes les questions sont facultatives. Répondez à celles qui vous parlent.</p>

      <Question number={1} legend="Qu’est-ce qui est difficile en ce moment ?" hint="Cochez tout ce qui s’applique.">
        <div className="grid gap-2 sm:grid-cols-2">
          {themes.map((theme) => (
            <Choice key={theme.slug} type="checkbox" name="theme" value={theme.slug} checked={answers.themes.includes(theme.slug)}>
              <span className="font-medium">
                <Abbreviated text={theme.name} />
              </span>
              {theme.description && (
                <span className="block text-sm text-slate-700">
                  <Abbreviated text={theme.description} />
                </span>
              )}
            </Choice>
          ))}
        </div>
      </Question>

      <Question number={2} legend="Quel type d’aide cherchez-vous ?" hint="Cochez tout ce qui s’applique.">
        <div className="grid gap-2 sm:grid-cols-3">
          {Object.values(HelpKind).map((kind) => (
            <Choice key={kind} type="checkbox" name="aide" value={kind} checked={answers.kinds.includes(kind)}>
              {helpKindLabels[kind]}
            </Choice>
          ))}
        </div>
      </Question>

      <Question number={3} legend="Quel budget avez-vous pour cela ?">
        {budgets.map((budget) => (
          <Choice key={budget.value} type="radio" name="budget" value={budget.value} checked={answers.budget === budget.value}>
            {budget.label}
          </Choice>
        ))}
        <Choice type="radio" name="budget" value="" checked={!answers.budget}>
          Je ne sais pas
        </Choice>
      </Question>

      <Question number={4} legend="Dans quelle région est votre organisation ?">
        <label htmlFor="region" className="sr-only">
          Région administrative
        </label>
        <select id="region" name="region" defaultValue={answers.region ?? ''} className="w-full max-w-md rounded border border-slate-400 bg-white px-3 py-2">
          <option value="">Peu importe</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {regionLabels[region]}
            </option>
          ))}
        </select>
      </Question>

      <Question number={5} legend="Quel format vous convient le mieux ?">
        {Object.values(ServiceFormat).map((format) => (
          <Choice key={format} type="radio" name="format" value={format} checked={answers.format === format}>
            {formatLabels[format]}
          </Choice>
        ))}
        <Choice type="radio" name="format" value="" checked={!answers.format}>
          Peu importe
        </Choice>
      </Question>

      <Question number={6} legend="Quel public décrit le mieux votre organisation ?">
        {audiences.map((audience) => (
          <Choice key={audience} type="radio" name="pour" value={audience} checked={answers.audience === audience}>
            {audienceLabels[audience]}
          </Choice>
        ))}
        <Choice type="radio" name="pour" value="" checked={!answers.audience}>
          Autre, ou je préfère ne pas le dire
        </Choice>
      </Question>

      <button type="submit" className="rounded bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800">
        Voir les solutions
      </button>
    </form>
  );
}
