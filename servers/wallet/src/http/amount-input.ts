import { AmountError, toMicro } from "@aitbc/sdk";
import { ValidationFailed } from "@aitbc/server-lib";

/** A wire Amount to micro-AITBC; more than 6 decimals is a 400 naming the field. */
export function microFromField(value: number, field: string): bigint {
  try {
    return toMicro(value);
  } catch (err) {
    if (err instanceof AmountError) throw ValidationFailed.field(field, err.message);
    throw err;
  }
}
