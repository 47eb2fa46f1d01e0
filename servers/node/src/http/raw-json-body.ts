// Users read transactions with `curl -X POST …/api/v1/transaction/get -d '{"tx_hash": …}'`,
// and curl labels that body application/x-www-form-urlencoded. For this one route the body is
// JSON whatever the label says (documented in spec/openapi/node.yaml), so the label is corrected
// before the JSON parser and the contract validator see the request.
import type { Express } from "express";

export const RAW_JSON_PATHS = ["/api/v1/transaction/get"];

export function rawJsonBody(app: Express): void {
  app.use(RAW_JSON_PATHS, (req, _res, next) => {
    if (req.method === "POST") {
      const type = req.headers["content-type"] ?? "";
      if (!/^application\/(.+\+)?json\b/i.test(type))
        req.headers["content-type"] = "application/json";
    }
    next();
  });
}
