// Types for what scripts/preflight.mjs exports to test/support/browsers.mjs and its tests.
export interface Requirement {
  what: string;
  package: string;
  env?: string;
  commands: string[];
}
export const REQUIREMENTS: Requirement[];
export function locate(requirement: Pick<Requirement, 'commands' | 'env'>, env?: NodeJS.ProcessEnv): string | undefined;
export function missingRequirements(env?: NodeJS.ProcessEnv): Requirement[];
export function canInstall(options?: { uid?: number; env?: NodeJS.ProcessEnv }): boolean;
export function missingMessage(missing: Requirement[], env?: NodeJS.ProcessEnv): string;
export function preflight(options?: { env?: NodeJS.ProcessEnv; uid?: number; log?: (line: string) => void }): string | undefined;
