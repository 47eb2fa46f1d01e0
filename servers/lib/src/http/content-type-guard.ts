// Every AITBC API takes JSON bodies only. express-openapi-validator builds (and keeps, without
// bound) a compiled request validator per distinct Content-Type header text it sees, parameters
// included: each new value costs milliseconds of schema compilation and memory for good, so a
// client sending `application/json; x=1`, `x=2`, … could grow a server without limit. After body
// parsing (which has read any JSON, in UTF-8), this guard gives the validator a canonical header:
// `application/json` for every JSON variant, none for a request without a body, and answers any
// other body with 415 before the validator sees it.
import type { RequestHandler } from "express";
import { AppError } from "../errors.js";

const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

export const contentTypeGuard: RequestHandler = (req, _res, next) => {
  const header = req.headers["content-type"];
  if (header === undefined) return next();
  if (JSON_MEDIA_TYPE.test(header)) {
    req.headers["content-type"] = "application/json";
    return next();
  }
  const hasBody =
    req.headers["transfer-encoding"] !== undefined ||
    (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");
  if (!hasBody) {
    delete req.headers["content-type"];
    return next();
  }
  next(
    new AppError(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      "Send the body as application/json.",
    ),
  );
};
