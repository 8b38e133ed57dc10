/** Caches keyed by distinct cell text stop growing at this size (garbage columns stay bounded). */
export const CACHE_LIMIT = 10_000;
