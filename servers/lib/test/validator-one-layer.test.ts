// The validator's five middlewares run as one layer (validator-one-layer.ts): the same middlewares
// in the same order, errors straight to the problem handler, the path-parameter installer only
// until it has succeeded, the security one skipped while security validation is off.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import { describe, expect, it } from "vitest";
import { loadBundledSpec } from "../src/http/openapi.js";
import { VALIDATOR_MIDDLEWARES, validatorInOneLayer } from "../src/http/validator-one-layer.js";

type Step = (req: Request, res: Response, next: NextFunction) => void;

/** Fakes named like the validator's, recording calls; `behave` decides what each does. */
function fakes(calls: string[], behave: Partial<Record<string, Step>> = {}): RequestHandler[] {
  return VALIDATOR_MIDDLEWARES.map((name) => {
    const fn = {
      [name]: (req: Request, res: Response, next: NextFunction) => {
        calls.push(name);
        const custom = behave[name];
        if (custom) return custom(req, res, next);
        // Like the validator: the work happens after a promise hop.
        void Promise.resolve().then(() => next());
      },
    }[name]!;
    return fn as RequestHandler;
  });
}

function run(layer: RequestHandler): Promise<unknown> {
  return new Promise((resolve) => {
    void layer({} as Request, {} as Response, (err?: unknown) => resolve(err ?? "next"));
  });
}

/** The pinned validator's own middlewares for the coordinator's spec, set up as openapi.ts does. */
function realValidator(options: { validateResponses: boolean }): RequestHandler[] {
  return OpenApiValidator.middleware({
    apiSpec: loadBundledSpec("coordinator") as never,
    validateRequests: true,
    validateResponses: options.validateResponses,
    validateSecurity: false,
    fileUploader: false,
  }) as unknown as RequestHandler[];
}

describe("the validator as one layer", () => {
  it("matches what the pinned express-openapi-validator returns", () => {
    const middlewares = realValidator({ validateResponses: true });
    expect(middlewares.map((m) => m.name)).toEqual([...VALIDATOR_MIDDLEWARES]);
    expect(() =>
      validatorInOneLayer(middlewares, { validateSecurity: false, validateResponses: true }),
    ).not.toThrow();
    const requestsOnly = realValidator({ validateResponses: false });
    expect(() =>
      validatorInOneLayer(requestsOnly, { validateSecurity: false, validateResponses: false }),
    ).not.toThrow();
  });

  it("refuses middlewares it does not know (a changed validator version)", () => {
    const calls: string[] = [];
    const reordered = fakes(calls).reverse();
    expect(() =>
      validatorInOneLayer(reordered, { validateSecurity: false, validateResponses: true }),
    ).toThrow(/version changed/);
  });

  it("runs them in order, skips security while it is off, installs path params once", async () => {
    const calls: string[] = [];
    const layer = validatorInOneLayer(fakes(calls), {
      validateSecurity: false,
      validateResponses: true,
    });
    expect(await run(layer)).toBe("next");
    expect(calls).toEqual([
      "pathParamsMiddleware",
      "metadataMiddleware",
      "requestMiddleware",
      "responseMiddleware",
    ]);
    calls.length = 0;
    expect(await run(layer)).toBe("next");
    expect(calls).toEqual(["metadataMiddleware", "requestMiddleware", "responseMiddleware"]);
  });

  it("keeps the security middleware when security is validated", async () => {
    const calls: string[] = [];
    const layer = validatorInOneLayer(fakes(calls), {
      validateSecurity: true,
      validateResponses: true,
    });
    await run(layer);
    expect(calls).toContain("securityMiddleware");
  });

  it("passes an error on at once and runs nothing after it", async () => {
    const calls: string[] = [];
    const problem = new Error("request body invalid");
    const layer = validatorInOneLayer(
      fakes(calls, { requestMiddleware: (_req, _res, next) => next(problem) }),
      { validateSecurity: false, validateResponses: true },
    );
    expect(await run(layer)).toBe(problem);
    expect(calls).not.toContain("responseMiddleware");
  });

  it("tries the path-parameter installer again until it has succeeded", async () => {
    const calls: string[] = [];
    let fail = true;
    const layer = validatorInOneLayer(
      fakes(calls, {
        pathParamsMiddleware: (_req, _res, next) =>
          next(fail ? new Error("spec not loaded") : undefined),
      }),
      { validateSecurity: false, validateResponses: true },
    );
    expect(await run(layer)).toBeInstanceOf(Error);
    fail = false;
    calls.length = 0;
    expect(await run(layer)).toBe("next");
    expect(calls[0]).toBe("pathParamsMiddleware");
    calls.length = 0;
    await run(layer);
    expect(calls[0]).toBe("metadataMiddleware");
  });
});
