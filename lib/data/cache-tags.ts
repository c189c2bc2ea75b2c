// Cache tags for public reads; an edit calls updateTag() with the tags it touches.
// Needs, solutions and providers show each other, so one tag covers the inventory.
export const INVENTORY_TAG = 'inventory';
