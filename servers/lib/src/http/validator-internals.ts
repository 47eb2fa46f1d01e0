// The speedups in validator-route-lookup.ts and validator-content-types.ts replace functions inside
// express-openapi-validator's own modules. Its version is pinned exactly in package.json, and
// servers/lib/test/validator-*.test.ts hold the replacements to the validator's own answers.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `require` as seen from inside express-openapi-validator (its files and its dependencies). */
export const requireFromValidator = createRequire(require.resolve("express-openapi-validator"));

/** Whether `patchValidatorModule` already installed `name` into the module at `path`. */
export function validatorModulePatched(path: string, name: string): boolean {
  const module = requireFromValidator(path) as Record<symbol, unknown>;
  return module[Symbol.for(`aitbc.validator.${name}`)] === true;
}

/** Runs `install` on the validator's module at `path`, once per process for each `name`. */
export function patchValidatorModule<T extends object>(
  path: string,
  name: string,
  install: (module: T) => void,
): void {
  if (validatorModulePatched(path, name)) return;
  const module = requireFromValidator(path) as T;
  install(module);
  (module as Record<symbol, unknown>)[Symbol.for(`aitbc.validator.${name}`)] = true;
}
