import type { HostPort } from "../port";

/** Excel.run's shape, narrowed to what the gateway uses; the real Excel.run and the test fake both fit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExcelRunner = <T>(batch: (context: any) => Promise<T>) => Promise<T>;

/** The Office.js host port. Work in progress: methods are being filled in. */
export function createOfficeHost(run?: ExcelRunner): HostPort {
  const runner = run ?? ((batch) => (globalThis as unknown as { Excel: { run: ExcelRunner } }).Excel.run(batch));
  void runner;
  const todo = (): never => {
    throw new Error("not implemented");
  };
  return {
    listSheets: async () => todo(),
    readSheet: async () => todo(),
    loadSettings: async () => todo(),
    saveSettings: async () => todo(),
    writePlans: async () => todo(),
    activate: async () => todo(),
  };
}
