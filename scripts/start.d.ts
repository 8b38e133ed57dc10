// Types of scripts/start.js for the TypeScript tests that serve dist/ with it.
import type { Server } from "node:http";

export function createStaticServer(root?: string): Server;
export function serveDist(opts?: { port?: number; root?: string }): Promise<{ port: number; close(): Promise<unknown> }>;
export function excelInstalled(platform?: string, exists?: (p: string) => boolean, env?: Record<string, string | undefined>): boolean;
export function stale(output: string, inputs: string[]): boolean;
export function newestMtime(paths: string[]): number;
export const WEB_INPUTS: string[];
export const CLI_INPUTS: string[];
export const ROOT: string;
export const DIST: string;
