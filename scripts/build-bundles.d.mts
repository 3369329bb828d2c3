// Types for what scripts/build-bundles.mjs exports to the pages tests and the benchmark.
import type { BuildOptions } from 'esbuild';

export const BUNDLE_FILE: string;
export const OFFLINE_FILE: string;
export const BROWSER_BUNDLE_OPTIONS: BuildOptions;
export function offlinePolicy(styleHash: string, scriptHash: string): string;
export function cspHash(text: string): string;
