// express-openapi-validator hands Express five middlewares (path parameters, metadata, security,
// request, response), each its own router layer, each waiting on the loaded spec's promise before
// it runs. With security validation off the security one only waits and calls next(); the path
// parameter one only has work on its first request (it installs `app.param` handlers). This runs
// the validator's own middlewares, unchanged and in the same order, as one layer: the path
// parameter one until it has run once, the security one not at all while it has nothing to check.
// The validator's version is pinned; servers/lib/test/validator-one-layer.test.ts fails if its
// middlewares change names or order.
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * The validator's middlewares in the order it returns them (with `fileUploader: false`; without
 * response validation the last one is left out).
 */
export const VALIDATOR_MIDDLEWARES = [
  "pathParamsMiddleware",
  "metadataMiddleware",
  "securityMiddleware",
  "requestMiddleware",
  "responseMiddleware",
] as const;

export function validatorInOneLayer(
  middlewares: RequestHandler[],
  options: { validateSecurity: boolean; validateResponses: boolean },
): RequestHandler {
  const names = middlewares.map((m) => m.name);
  const expected = VALIDATOR_MIDDLEWARES.filter(
    (name) => options.validateResponses || name !== "responseMiddleware",
  );
  if (names.join() !== expected.join())
    throw new Error(
      `express-openapi-validator returned middlewares [${names.join(", ")}], expected [${expected.join(", ")}]: its version changed; update validator-one-layer.ts`,
    );
  const [pathParams, ...rest] = middlewares as [RequestHandler, ...RequestHandler[]];
  const chain = options.validateSecurity
    ? rest
    : rest.filter((m) => m.name !== "securityMiddleware");
  let pathParamsInstalled = false;

  return function contractValidation(req: Request, res: Response, next: NextFunction) {
    let i = 0;
    const step = (err?: unknown): void => {
      // The validator passes errors (problems for the problem handler) and never "route".
      if (err !== undefined && err !== null) return next(err);
      const middleware = chain[i++];
      if (!middleware) return next();
      void middleware(req, res, step);
    };
    if (pathParamsInstalled) return step();
    void pathParams(req, res, (err?: unknown) => {
      if (err === undefined || err === null) pathParamsInstalled = true;
      step(err);
    });
  };
}
