// What a rate limit counts as one client: the socket's address, never anything the client sends,
// and an IPv6 client by its /64, the block one subscriber usually gets (IPv4 and IPv4-mapped
// addresses stay whole).
import { isIPv6 } from "node:net";

export function clientAddressKey(ip: string): string {
  if (ip.startsWith("::ffff:") && ip.includes(".")) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":");
}
