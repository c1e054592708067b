// Limits the API promises, shared by main and the renderer. No zod here: the renderer imports it.

/** How many entities `entities.list` returns at most (those with the most claims first); search reaches the rest. */
export const ENTITY_LIST_LIMIT = 1000;
