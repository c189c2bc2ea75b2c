// Example searches shown on the empty search page, one per kind of thing people look for.
// Each finds something in the 2023 inventory (tests/integration/search.test.ts checks it).
export const EXAMPLE_SEARCHES = [
  { query: 'loi 25', what: 'une loi à respecter' },
  { query: 'formation du personnel', what: 'un besoin' },
  { query: 'logiciels à rabais', what: 'une solution' },
  { query: 'TechSoup', what: 'un organisme' },
  { query: 'financement', what: 'un type d’aide' },
  { query: 'audit numérique', what: 'un service' },
] as const;
