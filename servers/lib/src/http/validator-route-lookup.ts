// express-openapi-validator (5.6.2, pinned exactly) finds a request's operation in its metadata
// middleware by walking the spec's routes for every request: Object.entries of its route map, two
// app.enabled() calls, a path-to-regexp compile and a match per route until one matches. For a
// route in the middle of the coordinator's spec that is about 20 µs, a quarter of what the
// validator costs on a simple GET. This module swaps in a metadata middleware that does the same
// (the same routes in the same order, the first match wins, a known path with another method is
// 405, an unknown path under a base path is 404, a malformed URI is 400, the same req.openapi
// and req.params) but compiles the route patterns once and then only runs their regexps.
// test/validator-route-lookup.test.ts holds it to those answers.
import type { NextFunction, Request, Response } from "express";
import { patchValidatorModule, requireFromValidator } from "./validator-internals.js";

type Operations = Record<string, unknown>;
interface ApiDoc {
  paths: Record<string, Operations>;
}
/** The validator's OpenApiContext, as far as this module reads it. */
interface OpenApiContext {
  apiDoc: ApiDoc;
  expressRouteMap: Record<string, { basePath: string; _openApiRoute: string }>;
  openApiRouteMap: Record<string, Operations>;
  serial: number;
  useRequestUrl: boolean;
  ignoreUndocumented: boolean;
  shouldIgnoreRoute(path: string): boolean;
  isManagedRoute(path: string): boolean;
}
interface CompiledRoute {
  expressRoute: string;
  openApiRoute: string;
  pathKey: string;
  regexp: RegExp;
  keys: string[];
}
type HttpErrorClass = new (args: {
  path: string;
  message: string;
  headers?: Record<string, string>;
}) => Error;
type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** Installs the compiled route lookup into express-openapi-validator (once per process). */
export function compileValidatorRouteLookup(): void {
  patchValidatorModule<Metadata>("./middlewares/openapi.metadata.js", "routeLookup", install);
}

interface Metadata {
  applyOpenApiMetadata: (context: OpenApiContext, responseApiDoc?: ApiDoc) => Middleware;
}

function install(metadata: Metadata): void {
  const errors = requireFromValidator("./framework/types.js") as Record<string, HttpErrorClass>;
  const { httpMethods } = requireFromValidator("./middlewares/parsers/schema.preprocessor.js") as {
    httpMethods: Set<string>;
  };
  const { pathToRegexp } = requireFromValidator("path-to-regexp") as {
    pathToRegexp(
      path: string,
      options: { sensitive: boolean; strict: boolean },
    ): { regexp: RegExp; keys: Array<{ name: string }> };
  };

  const compile = (context: OpenApiContext, sensitive: boolean, strict: boolean) =>
    Object.entries(context.expressRouteMap).map(([expressRoute, methods]): CompiledRoute => {
      const { regexp, keys } = pathToRegexp(expressRoute, { sensitive, strict });
      const openApiRoute = methods._openApiRoute;
      return {
        expressRoute,
        openApiRoute,
        pathKey: openApiRoute.substring(methods.basePath.length),
        regexp,
        keys: keys.map((k) => k.name),
      };
    });

  metadata.applyOpenApiMetadata = (context, responseApiDoc) => {
    // By the app's routing flags (fixed once the app serves; the key covers apps that differ).
    const tables = new Map<number, CompiledRoute[]>();
    const routesFor = (req: Request) => {
      const sensitive = !!req.app.enabled("case sensitive routing");
      const strict = !!req.app.enabled("strict routing");
      const flags = (sensitive ? 1 : 0) | (strict ? 2 : 0);
      let table = tables.get(flags);
      if (!table) tables.set(flags, (table = compile(context, sensitive, strict)));
      return table;
    };

    const lookupRoute = (req: Request) => {
      const url = context.useRequestUrl ? req.url : req.originalUrl;
      const q = url.indexOf("?");
      const path = q === -1 ? url : url.slice(0, q);
      const method = req.method.toLowerCase();
      for (const route of routesFor(req)) {
        const match = route.regexp.exec(path);
        if (!match) continue;
        const pathParams: Record<string, string> = {};
        try {
          for (let i = 0; i < route.keys.length; i++)
            pathParams[route.keys[i]!] = decodeURIComponent(match[i + 1]!);
        } catch {
          // The validator's own message, stray quote included.
          throw new errors.BadRequest!({ path: req.path, message: "malformed uri'" });
        }
        return {
          route,
          pathParams,
          schema: context.apiDoc.paths[route.pathKey]![method],
          responseSchema: responseApiDoc?.paths[route.pathKey]![method],
        };
      }
      return undefined;
    };

    return (req, _res, next) => {
      const path = req.path.startsWith(req.baseUrl) ? req.path : `${req.baseUrl}/${req.path}`;
      if (context.shouldIgnoreRoute(path)) return next();
      const matched = lookupRoute(req);
      if (matched) {
        const { route, pathParams, schema } = matched;
        if (!schema) {
          if (context.ignoreUndocumented) return next();
          throw new errors.MethodNotAllowed!({
            path: req.path,
            message: `${req.method} method not allowed`,
            headers: {
              Allow: Object.keys(context.openApiRouteMap[route.openApiRoute]!)
                .filter((key) => httpMethods.has(key.toLowerCase()))
                .join(", "),
            },
          });
        }
        const openapi: Record<string, unknown> = {
          expressRoute: route.expressRoute,
          openApiRoute: route.openApiRoute,
          pathParams,
          schema,
          serial: context.serial,
        };
        if (responseApiDoc) openapi._responseSchema = matched.responseSchema;
        (req as Request & { openapi: unknown }).openapi = openapi;
        req.params = pathParams;
      } else if (context.isManagedRoute(path) && !context.ignoreUndocumented) {
        throw new errors.NotFound!({ path: req.path, message: "not found" });
      }
      next();
    };
  };
}
