import { describe, expect, it } from 'vitest';
import * as enums from '@/lib/generated/prisma/enums';
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  languageLabel,
  needKindLabels,
  providerKindLabels,
  providerRoleLabels,
  regionLabels,
} from '@/lib/labels';

// Every value the database can hold must have French wording, or a page would show
// "LOW_COST" to a community worker.
const pairs: [string, Record<string, string>, Record<string, string>][] = [
  ['Audience', enums.Audience, audienceLabels],
  ['Availability', enums.Availability, availabilityLabels],
  ['CostOption', enums.CostOption, costLabels],
  ['ServiceFormat', enums.ServiceFormat, formatLabels],
  ['HelpKind', enums.HelpKind, helpKindLabels],
  ['NeedKind', enums.NeedKind, needKindLabels],
  ['ProviderKind', enums.ProviderKind, providerKindLabels],
  ['ProviderRole', enums.ProviderRole, providerRoleLabels],
  ['Region', enums.Region, regionLabels],
];

describe('libellés français', () => {
  it.each(pairs)('%s : chaque valeur a un libellé', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
  });

  it('couvre les 17 régions administratives, tout le Québec et en ligne', () => {
    expect(Object.keys(regionLabels)).toHaveLength(19);
    expect(regionLabels.ALL_QUEBEC).toBe('Tout le Québec');
    expect(regionLabels.ONLINE).toBe('En ligne');
  });

  it('nomme les langues en français', () => {
    expect(languageLabel('fr')).toBe('français');
    expect(languageLabel('en')).toBe('anglais');
    expect(languageLabel('not a code')).toBe('not a code');
  });
});
