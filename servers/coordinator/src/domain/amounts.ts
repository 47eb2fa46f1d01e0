// Wire amounts (JSON numbers of AITBC) to bigint micro-AITBC, with a 400 that names the field.
import { AmountError, toMicro } from "@aitbc/sdk";
import { ValidationFailed } from "@aitbc/server-lib";

export function parseAmount(
  value: number,
  field: string,
  opts: { positive?: boolean } = {},
): bigint {
  let micro: bigint;
  try {
    micro = toMicro(value);
  } catch (err) {
    if (err instanceof AmountError) throw ValidationFailed.field(field, err.message);
    throw err;
  }
  if (opts.positive && micro <= 0n) throw ValidationFailed.field(field, "must be greater than 0");
  return micro;
}
