// Signing for one address must be serial: two requests that both read pending_nonce = 7 would
// sign two different txs with nonce 7 and one of them would be rejected. One queue per address
// keeps nonces distinct; different addresses still sign in parallel.
export class AddressMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(address: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(address) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(address, tail);
    void tail.then(() => {
      if (this.tails.get(address) === tail) this.tails.delete(address);
    });
    return result;
  }
}
