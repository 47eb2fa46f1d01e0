// For the real-chain suite: the coordinator must be running before the wallet (the wallet
// authenticates callers through the coordinator), but the coordinator's settlement and address
// provider need the wallet's URL. These forward to a target set once the wallet is up.
import type {
  AddressProvider,
  LockRequest,
  ReleaseAttempt,
  ReleaseOrder,
  SettlementPort,
} from "../../src/index.js";

export class LateSettlement implements SettlementPort {
  target: SettlementPort | undefined;
  get kind() {
    return this.target?.kind ?? "late";
  }
  private t(): SettlementPort {
    if (!this.target) throw new Error("settlement target not set yet");
    return this.target;
  }
  lockEscrow(r: LockRequest, key: string) {
    return this.t().lockEscrow(r, key);
  }
  release(o: ReleaseOrder, a: ReleaseAttempt) {
    return this.t().release(o, a);
  }
  refund(o: ReleaseOrder, a: ReleaseAttempt) {
    return this.t().refund(o, a);
  }
}

export class LateAddresses implements AddressProvider {
  target: AddressProvider | undefined;
  readonly kind = "wallet" as const;
  addressFor(id: string) {
    if (!this.target) throw new Error("address provider target not set yet");
    return this.target.addressFor(id);
  }
}
