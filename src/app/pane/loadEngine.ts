/** The engine's type, and the one place that loads it lazily (its own chunk, fetched on first use). */
export type Engine = typeof import("./engine");
export const loadEngine = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ "./engine");
