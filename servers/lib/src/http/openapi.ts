import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Router, type RequestHandler } from "express";
import * as OpenApiValidator from "express-openapi-validator";

const require = createRequire(import.meta.url);

/** Path of a bundled OpenAPI document from @aitbc/spec, for example `coordinator`. */
export function bundledSpecPath(name: string): string {
  return require.resolve(`@aitbc/spec/bundled/${name}.openapi.json`);
}

export function loadBundledSpec(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(bundledSpecPath(name), "utf8")) as Record<string, unknown>;
}

export interface ContractValidationOptions {
  /** Which spec in @aitbc/spec/bundled. */
  spec: string;
  /** Validate responses too (on by default, in tests and production). */
  validateResponses?: boolean;
  /** Paths the validator must not touch (for example WebSocket upgrade paths or static pages). */
  ignorePaths?: RegExp;
}

/** Checks every request (and response) against the service's OpenAPI document. */
export function contractValidation(options: ContractValidationOptions): RequestHandler {
  const middlewares = OpenApiValidator.middleware({
    // The validator mutates the document it is given, so each app gets its own copy.
    apiSpec: loadBundledSpec(options.spec) as never,
    // coerceTypes false applies to bodies only: the validator always coerces path/query/header
    // parameters (they arrive as strings). A JSON body with a number where a string belongs is a 400.
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
    validateResponses: options.validateResponses !== false ? { removeAdditional: false } : false,
    // Authentication is the services' own (API keys checked against the database).
    validateSecurity: false,
    // No route takes multipart bodies; without this the validator runs multer's check (and a
    // promise hop) on every request.
    fileUploader: false,
    validateFormats: true,
    ...(options.ignorePaths ? { ignorePaths: options.ignorePaths } : {}),
  }) as unknown as RequestHandler[];
  // The validator's middlewares, in its order, behind one handler the app can mount.
  return Router().use(middlewares);
}
