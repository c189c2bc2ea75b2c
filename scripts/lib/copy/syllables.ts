// Syllables of a French word as it is spoken (Flesch counted spoken syllables; Kandel & Moles
// kept his method): « table » has one, « numérique » three, « existent » two. Spelling rules,
// no dictionary, so a few words are off by one (« pays », « alcool »); tests/unit/copy-syllables.test.ts
// lists the cases it gets right.

const VOWELS = 'aàâäeéèêëiîïoôöuùûüyÿæœ';
const isVowel = (char: string): boolean => VOWELS.includes(char);

/** Nouns and adjectives in -ent whose ending is spoken (verbs in -ent, 3rd person plural, are not). */
const SPOKEN_ENT = new Set([
  'absent', 'accent', 'accident', 'adolescent', 'agent', 'ambivalent', 'apparent', 'ardent', 'argent', 'cent', 'client',
  'cohérent', 'compétent', 'conscient', 'content', 'continent', 'concurrent', 'décent', 'dent', 'différent', 'éminent',
  'équivalent', 'évident', 'excellent', 'fréquent', 'gent', 'imminent', 'impatient', 'incident', 'inhérent', 'innocent',
  'insolent', 'intelligent', 'latent', 'lent', 'parent', 'patient', 'permanent', 'pertinent', 'présent', 'président',
  'prudent', 'récent', 'régent', 'serpent', 'souvent', 'talent', 'torrent', 'transparent', 'urgent', 'vent', 'violent',
]);

/** Whole-word counts where the rules below go wrong and the word is common on our pages. */
const EXCEPTIONS: Record<string, number> = { pays: 2, alcool: 2, etc: 4, client: 2, clients: 2 };

function letterCount(word: string): number {
  // An acronym read letter by letter: « CSV » has three syllables, « OBNL » four.
  return [...word].filter((char) => /\p{L}/u.test(char)).length;
}

/** Number of spoken syllables of one word (letters, apostrophes and hyphens; other characters ignored). */
export function countSyllables(raw: string): number {
  const letters = raw.normalize('NFC').replace(/[^\p{L}'’-]/gu, '');
  if (!/\p{L}/u.test(letters)) return 0;
  // Capitals only, 2 to 5 letters: an acronym (« TI », « HSDS »), said letter by letter.
  if (/^\p{Lu}{2,5}$/u.test(letters.replace(/[-'’]/g, ''))) return letterCount(letters);

  let total = 0;
  // « peut-être », « aujourd'hui »: each part is spoken; an elided « l' », « d' » adds nothing.
  for (const part of letters.toLowerCase().split(/[-'’]/)) total += countPart(part);
  return Math.max(1, total);
}

function countPart(word: string): number {
  if (word === '') return 0;
  if (word in EXCEPTIONS) return EXCEPTIONS[word]!;
  let w = word;
  // « qu » and « gu » before e/i: the u is not a vowel (« numérique », « langue », « guide »).
  w = w.replace(/qu/g, 'k').replace(/gu(?=[eéèêiîy])/g, 'g');
  // Silent endings, when another vowel is left: « tables », « existent », « année », « vie ».
  const hasVowelBefore = (stem: string): boolean => [...stem].some(isVowel);
  if (w.endsWith('ent') && !w.endsWith('ment') && !SPOKEN_ENT.has(word) && hasVowelBefore(w.slice(0, -3))) {
    w = w.slice(0, -3);
  } else if (w.endsWith('es') && w.length > 2 && hasVowelBefore(w.slice(0, -2))) {
    w = w.slice(0, -2);
  } else if (w.endsWith('e') && hasVowelBefore(w.slice(0, -1))) {
    w = w.slice(0, -1);
  }

  let count = 0;
  let previous = '';
  const chars = [...w];
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (!isVowel(char)) {
      previous = char;
      continue;
    }
    const next = chars[index + 1] ?? '';
    // « y » between two vowels is two sounds (« moyen », « payer », « crayon »).
    if (char === 'y' && isVowel(previous) && isVowel(next)) {
      previous = char;
      continue;
    }
    if (!isVowel(previous) || startsNewSyllable(previous, char)) count += 1;
    previous = char;
  }
  return count;
}

/** Two vowels side by side that are spoken apart (hiatus): « cré-a », « po-ème », « na-ïf », « co-opérative ». */
function startsNewSyllable(previous: string, char: string): boolean {
  if (previous === 'y') return true; // « moy-en »: the y closed the previous syllable.
  if ('éèêë'.includes(previous)) return true; // « réalité », « créer », « réunion »
  if ('ïüë'.includes(char)) return true; // « naïf », « Noël », « maïs »
  if ('ao'.includes(previous) && 'éè'.includes(char)) return true; // « aéroport », « poème », « poésie »
  if (previous === 'o' && char === 'o') return true; // « coordonnées », « coopérative »
  return false;
}
