/** Page sizes of every list in the API (Relay connections and `nodes(ids:)`). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
