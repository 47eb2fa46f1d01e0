// Reading configuration from the environment, failing fast with a message that names the variable.

export class ConfigError extends Error {}

export interface EnvSource {
  [name: string]: string | undefined;
}

export function envString(env: EnvSource, name: string, fallback?: string): string {
  const v = env[name];
  if (v !== undefined && v !== "") return v;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${name} is required. Set it in the environment.`);
}

export function envOptional(env: EnvSource, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

export function envInt(
  env: EnvSource,
  name: string,
  fallback: number,
  range: { min?: number; max?: number } = {},
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new ConfigError(`${name} must be an integer, got "${raw}".`);
  if (range.min !== undefined && n < range.min)
    throw new ConfigError(`${name} must be at least ${range.min}, got ${n}.`);
  if (range.max !== undefined && n > range.max)
    throw new ConfigError(`${name} must be at most ${range.max}, got ${n}.`);
  return n;
}

export function envBool(env: EnvSource, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

/**
 * Development mode (`AITBC_DEV=1`, set by the dev stack): services may fall back to generated or
 * derived secrets, with a loud warning. Outside it they refuse to start without them.
 */
export function isDevMode(env: EnvSource): boolean {
  return envBool(env, "AITBC_DEV", false);
}
