// Cache tags for public reads; an edit calls updateTag() with the tags it touches.
// Needs, solutions and providers show each other, so one tag covers the inventory.
export const INVENTORY_TAG = 'inventory';

// The synonym groups of the search (lib/data/synonyms.ts): a change to a group is searched with
// at the next search, on every instance sharing the cache handler.
export const SYNONYMS_TAG = 'synonyms';
