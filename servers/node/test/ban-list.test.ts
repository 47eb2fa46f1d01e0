// The P2P ban list: a dropped peer's address waits 10 s, then 20 s, 40 s… never more than the
// cap, is forgotten after a clean spell as long as the cap, and IPv4-mapped IPv6 addresses are
// the same peer as their IPv4 form.
import { describe, expect, it } from "vitest";
import { BanList, isLoopback, normalizeAddress } from "../src/p2p/ban-list.js";

describe("P2P ban list", () => {
  it("doubles the ban with each drop up to the cap, and forgets a clean address", () => {
    let now = 0;
    const bans = new BanList(10_000, 60_000, () => now);
    expect(bans.bannedFor("10.0.0.1")).toBe(0);
    expect([1, 2, 3, 4, 5].map(() => bans.strike("10.0.0.1"))).toEqual([
      10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
    expect(bans.bannedFor("10.0.0.1")).toBe(60_000);
    expect(bans.bannedFor("10.0.0.2")).toBe(0);
    now = 60_001;
    expect(bans.bannedFor("10.0.0.1")).toBe(0);
    // Back within the clean spell: the back-off goes on from where it was.
    expect(bans.strike("10.0.0.1")).toBe(60_000);
    now += 60_000 + 60_000 + 1;
    expect(bans.strike("10.0.0.1")).toBe(10_000);
  });

  it("treats ::ffff:a.b.c.d as a.b.c.d, and knows loopback", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(undefined)).toBe("unknown");
    expect(isLoopback("127.0.0.9")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
  });
});
