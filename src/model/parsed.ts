import type { ReasonCode } from "./reasons";

/**
 * Every parser answers with a value or the reason it could not read one: a code (words are the
 * report's). The settings reader still answers with sentences, hence the second parameter.
 */
export type Parsed<T, R extends string = ReasonCode> = { ok: true; value: T } | { ok: false; reason: R };
