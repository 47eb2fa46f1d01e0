import { AitbcError } from "@aitbc/sdk";

/** The AitbcError a call fails with; fails the test if the call succeeds or throws something else. */
export async function failure(call: Promise<unknown>): Promise<AitbcError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AitbcError) return err;
    throw err;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
