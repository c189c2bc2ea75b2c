// What each entry form's server-side check answers (values, or the French errors by field),
// for valid, borderline and wrong inputs of the four kinds. The snapshot was recorded from the
// hand-written schemas before they were derived from lib/entries/: the derived ones must
// answer the same, message for message.
import { describe, expect, it } from 'vitest';
import { parseNeedForm } from '@/lib/validation/need';
import { parseProviderForm } from '@/lib/validation/provider';
import { parseSolutionForm } from '@/lib/validation/solution';
import { parseThemeForm } from '@/lib/validation/theme';

const ID = 'c'.repeat(25);
const OTHER = 'd'.repeat(25);

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const cases: Record<string, [string, string][]> = {
  empty: [],
  blanks: [['title', '   '], ['name', '  '], ['description', ''], ['status', '']],
  tooLong: [['title', 'x'.repeat(201)], ['name', 'x'.repeat(201)], ['description', 'y'.repeat(20_001)], ['note', 'z'.repeat(5_001)], ['verifyNote', 'v'.repeat(1_001)], ['alternateName', 'a'.repeat(201)]],
  control: [['title', 'Un\u0007titre'], ['name', 'Nom\nsur deux lignes'], ['description', 'Ligne 1\nLigne 2\u0000']],
  wrongCodes: [['kind', 'AUTRE'], ['availability', 'MAYBE'], ['cost', 'CHEAP'], ['status', 'LIVE'], ['kinds', 'NOPE'], ['regions', 'MARS'], ['audiences', 'TOUS'], ['formats', 'FAX'], ['inferredFields', 'TITLE']],
  validNeed: [['title', ' Accès au matériel '], ['kind', 'ISSUE'], ['description', 'Texte\r\nsur deux lignes.'], ['note', ''], ['themeId', ID], ['position', '12'], ['status', 'PUBLISHED'], ['toVerify', 'on'], ['verifyNote', 'À voir']],
  needLinks: [
    ['title', 'T'], ['kind', 'NEED'], ['description', 'D'], ['status', 'DRAFT'], ['position', ''],
    ['solutionId', ID], ['solutionPosition.' + ID, '30'], ['solutionId', OTHER], ['linkId', OTHER], ['linkNote.' + OTHER, 'Voir aussi'],
    ['addSolutionSlugs', 'https://exemple.org/solutions/clinique-juridique/\npret-materiel, PAS VALIDE'], ['addLinkSlugs', 'autre-besoin'],
  ],
  badNeedLinks: [['title', 'T'], ['kind', 'NEED'], ['description', 'D'], ['status', 'DRAFT'], ['solutionId', 'pas-un-id'], ['solutionId', ID], ['solutionPosition.' + ID, '-3'], ['linkId', ID], ['linkNote.' + ID, 'n'.repeat(501)], ['position', '1.5'], ['themeId', 'x']],
  validSolution: [
    ['title', 'Clinique'], ['description', 'Aide juridique.'], ['availability', 'UNCONFIRMED'], ['cost', 'FREE'], ['status', 'DRAFT'], ['parentId', ''],
    ['kinds', 'LEGAL'], ['kinds', 'TRAINING'], ['kinds', 'LEGAL'], ['inferredFields', 'COST'], ['inferredFields', 'KINDS'], ['inferredFields', 'COST'],
    ['needId', ID], ['providerLink', `${ID}:OFFERS`], ['providerLink', `${ID}:FUNDS`], ['inferredLink', `${ID}:FUNDS`],
    ['addProviderId', OTHER], ['addProviderRole', 'PARTNERS'], ['addNeedSlugs', 'un-besoin'],
  ],
  solutionSlugs: [['title', 'S'], ['description', 'D'], ['availability', 'EXISTING'], ['cost', 'UNKNOWN'], ['status', 'DRAFT'], ['addProviderSlug', 'centre-ti, autre'], ['addProviderRole', 'CITED']],
  badSolutionLinks: [['title', 'S'], ['description', 'D'], ['availability', 'PROPOSED'], ['cost', 'PAID'], ['status', 'DRAFT'], ['needId', 'x'], ['providerLink', `${ID}:BOSS`], ['addProviderId', 'x'], ['addProviderRole', 'BOSS'], ['addProviderSlug', '!!!'], ['parentId', ID]],
  validProvider: [
    ['name', 'Centre TI'], ['alternateName', 'CTI'], ['kind', 'PROGRAM'], ['description', 'Un centre.'], ['website', 'centre-ti.org'], ['email', ' Info@Centre-TI.org '],
    ['phone', '514 555-1234 poste 12'], ['cost', 'LOW_COST'], ['status', 'PUBLISHED'], ['regions', 'MONTREAL'], ['regions', 'LAVAL'], ['audiences', 'YOUTH'], ['formats', 'ONLINE'],
    ['languages', 'fr'], ['languages', 'en'], ['otherLanguages', 'PT, vi;fr'],
  ],
  badContacts: [['name', 'X'], ['kind', 'ORGANIZATION'], ['cost', 'UNKNOWN'], ['status', 'DRAFT'], ['website', 'javascript:alert(1)'], ['email', 'pas-un-courriel'], ['phone', '555-12'], ['otherLanguages', 'français']],
  moreContacts: [['name', 'X'], ['kind', 'ORGANIZATION'], ['cost', 'UNKNOWN'], ['status', 'DRAFT'], ['website', 'https://'], ['email', 'a@b'], ['phone', '+1 (514) 555-1234'], ['languages', 'fr'], ['otherLanguages', Array.from({ length: 31 }, (_, index) => `l${String.fromCharCode(97 + (index % 26))}${index < 26 ? '' : 'x'}`).join(',')]],
  validTheme: [['name', 'Sécurité'], ['description', 'Se protéger.'], ['position', ''], ['status', 'PUBLISHED']],
  badTheme: [['name', 'x'.repeat(121)], ['description', 'd'.repeat(2_001)], ['position', '-1'], ['status', 'DRAFT']],
  themePosition: [['name', 'Thème'], ['position', '1000001'], ['status', 'ARCHIVED']],
};

const parsers = { Need: parseNeedForm, Solution: parseSolutionForm, Provider: parseProviderForm, Theme: parseThemeForm };

describe.each(Object.entries(parsers))('%s form', (_kind, parse) => {
  it.each(Object.keys(cases))('%s', (name) => {
    // As JSON, so that the order of the errors (the error summary's order) is compared too.
    expect(JSON.stringify(parse(form(cases[name]!)), null, 1)).toMatchSnapshot();
  });
});
