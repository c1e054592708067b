// Limits the API promises, shared by main and the renderer. No zod here: the renderer imports it.
// The API's schemas (types.ts) and the `.claimdesk` archive format (main/archive/exchange/format.ts) both
// use these, so a record that the API refuses is refused in an archive file too.

/** How many entities `entities.list` returns at most (those with the most claims first); search reaches the rest. */
export const ENTITY_LIST_LIMIT = 1000;

/** Characters of a claim's statement, of its quote, and of a note (verdict note, change note, evidence note). */
export const MAX_STATEMENT_CHARS = 20_000;
export const MAX_QUOTE_CHARS = 20_000;
export const MAX_NOTE_CHARS = 20_000;
/** Characters of a claim's free-form notes. */
export const MAX_CLAIM_NOTES_CHARS = 100_000;
/** Tags on one claim, and characters of one tag. */
export const MAX_TAGS_PER_CLAIM = 100;
export const MAX_TAG_CHARS = 100;
/** Entities linked to one claim, hops of one attribution chain, characters of a name (entity, alias, hop). */
export const MAX_ENTITIES_PER_CLAIM = 200;
export const MAX_ATTRIBUTION_HOPS = 20;
export const MAX_NAME_CHARS = 300;
/** A collection's name (as a saved search's). */
export const MAX_COLLECTION_NAME_CHARS = 200;
/** Characters of a verdict key. */
export const MAX_VERDICT_CHARS = 100;

/** Characters of an article's text, of its title, of a URL, and of the other short fields (outlet, author...). */
export const MAX_ARTICLE_TEXT_CHARS = 5_000_000;
export const MAX_TITLE_CHARS = 2_000;
export const MAX_URL_CHARS = 4_000;
export const MAX_SHORT_TEXT_CHARS = 2_000;
/** Most pages whose start offsets an article keeps (the PDF importer reads at most this many). */
export const MAX_ARTICLE_PAGES = 2_000;

/** Claims one request may name (bulk changes, selections). */
export const MAX_CLAIMS_PER_REQUEST = 100_000;

/** Drift (share of a statement's words not in its quote) at or above which the claim editor warns that the statement says something the quote does not. */
export const DRIFT_WARNING = 0.3;
