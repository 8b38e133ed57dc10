/** The stages a user sees on the progress bar. */
export type Stage = "reading" | "computing" | "writing";
export interface Progress {
  stage: Stage;
  /** 0–1 within the stage. */
  fraction: number;
  /** e.g. the sheet being read. */
  detail?: string;
}
export type OnProgress = (p: Progress) => void;

/** Give the host a turn (paint progress, keep Excel responsive) between chunks of work. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
