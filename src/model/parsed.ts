/** Every parser answers with a value or the reason it could not read one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
