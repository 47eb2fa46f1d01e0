// The refusal of a job that must be paid from the deposit when the deposit cannot cover it.
import { AppError } from "@aitbc/server-lib";

export class DepositInsufficient extends AppError {
  constructor(detail: string) {
    super(402, "deposit_insufficient", "Deposit insufficient", detail);
  }
}
