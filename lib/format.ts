const dateFormatter = new Intl.DateTimeFormat('fr-CA', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'America/Toronto',
});

/** "2026-11-28T…" -> "28 novembre 2026". */
export function formatDate(iso: string): string {
  return dateFormatter.format(new Date(iso));
}

/** Sort key and A–Z letter that ignore accents and case ("Éducaloi" files under E). */
export function foldForSorting(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleUpperCase('fr-CA');
}

export function initialLetter(name: string): string {
  const first = foldForSorting(name).match(/[A-Z]/)?.[0];
  return first ?? '#';
}

const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöûüæœ]/i;

/** « que Dataide », « qu’Insertech »: elision of « que » before a name. */
export function thatName(name: string): string {
  return STARTS_WITH_VOWEL.test(name) ? `qu’${name}` : `que ${name}`;
}
