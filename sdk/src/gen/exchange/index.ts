// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export { ExchangeApi, type Options } from './sdk.gen.js';
export type { ClientOptions, FieldError, GetHealthData, GetHealthError, GetHealthErrors, GetHealthResponse, GetHealthResponses, Health, MatchReason, Problem } from './types.gen.js';
