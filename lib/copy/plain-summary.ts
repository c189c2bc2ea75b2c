// « En bref (résumé de l’équipe) » above a quotation of the inventory that is hard to read
// (issue 17, item 3): notes such as « (vérifier) », « (qui?) », a question, a long fragment.
// The entries have no field for a written summary, so the summary is made of generic
// sentences: the solution's status (a structured field), then one sentence per kind of note
// the quotation holds. Each sentence only says what the quotation itself says; no name,
// place or fact is added.
import type { Availability } from '@/lib/generated/prisma/enums';

/** Said before the summary, so that nobody takes it for the inventory's words. */
export const SUMMARY_LABEL = 'En bref (résumé de l’équipe) :';

/** Beyond this many words, a quotation is a long fragment. */
export const LONG_QUOTATION_WORDS = 30;

const STATUS: Record<Availability, string> = {
  EXISTING: 'Cette solution existe déjà.',
  PROPOSED: 'C’est une idée : personne ne l’offre encore.',
  UNCONFIRMED: 'Elle existe peut-être : vérifiez avant de compter dessus.',
};

/** The inventory's notes and what each one says, in plain words. */
const NOTES: Array<{ pattern: RegExp; sentence: string }> = [
  { pattern: /\(\s*vérifier\s*\)/i, sentence: 'L’inventaire demande de vérifier un point.' },
  { pattern: /\(\s*qui\s*\?\s*\)/i, sentence: 'L’inventaire ne dit pas qui.' },
  { pattern: /\(\s*à compléter\s*\)/i, sentence: 'L’inventaire dit que sa liste n’est pas complète.' },
  { pattern: /\betc\.|\bpar exemple\b/i, sentence: 'Les noms cités sont des exemples.' },
];
// A question other than « (qui?) »: the inventory asks, it does not state.
const QUESTION = /\?(?!\s*\))/;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The plain sentences to show above a solution's quoted description, or null when it reads easily. */
export function plainSummary(solution: { availability: Availability; description: string }): string | null {
  const text = solution.description;
  const notes = NOTES.filter((note) => note.pattern.test(text)).map((note) => note.sentence);
  if (QUESTION.test(text.replace(/\(\s*qui\s*\?\s*\)/gi, ''))) notes.push('L’inventaire pose une question ouverte.');
  if (notes.length === 0 && wordCount(text) <= LONG_QUOTATION_WORDS) return null;
  return [STATUS[solution.availability], ...notes].join(' ');
}
