/**
 * Where a request comes from, for the pre-auth failure limit and the loopback-only /metrics. The socket's address is
 * the only thing a client cannot forge; a proxy header is believed only when the operator names it
 * (`TRUSTED_PROXY_HEADER`), because any client can send `X-Forwarded-For` itself.
 */
import type { Context } from 'hono';

/** The peer address of the connection, from the runtime (Node: `getConnInfo`); undefined where there is none. */
export type SocketAddress = (c: Context) => string | undefined;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Lower-cases, strips brackets, ports and zone ids, and unwraps IPv4-mapped IPv6; undefined if it is no address. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.replace(/%[\w.-]+$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped?.[1]) a = mapped[1];
  const v4 = IPV4.exec(a);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? a : undefined;
  return expandIPv6(a) ? a : undefined;
}

/** The eight 16-bit groups of an IPv6 address, or undefined if it is not one. */
export function expandIPv6(a: string): number[] | undefined {
  if (!/^[0-9a-f:.]+$/.test(a) || !a.includes(':')) return undefined;
  const halves = a.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string | undefined): number[] | undefined => {
    if (!s) return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      const v4 = i === parts.length - 1 ? IPV4.exec(p) : null;
      if (v4) {
        const o = v4.slice(1).map(Number);
        if (o.some((x) => x > 255)) return undefined;
        out.push(((o[0] ?? 0) << 8) | (o[1] ?? 0), ((o[2] ?? 0) << 8) | (o[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

export function isLoopback(address: string | undefined): boolean {
  const a = normaliseAddress(address);
  if (!a) return false;
  if (IPV4.test(a)) return a.startsWith('127.');
  const g = expandIPv6(a);
  return !!g && g.slice(0, 7).every((x) => x === 0) && g[7] === 1;
}

/**
 * The bucket a client's failures count in: the IPv4 address, or the IPv6 /64 (one subscriber usually holds a whole
 * /64, so counting single IPv6 addresses would let a client rotate through billions of them). `unknown` when the
 * address cannot be told (e.g. a runtime without sockets and no proxy header): those share one bucket.
 */
export function limitKey(address: string | undefined): string {
  const a = normaliseAddress(address);
  if (!a) return 'unknown';
  if (IPV4.test(a)) return a;
  const g = expandIPv6(a) ?? [];
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}

/**
 * The client's address: with a trusted proxy header configured and present, its last entry (the address the proxy
 * itself saw; earlier entries of `X-Forwarded-For` are whatever the client claimed); otherwise the socket's.
 */
export function clientAddress(
  c: Context,
  opts: { trustedProxyHeader?: string | undefined; socketAddress: SocketAddress },
): string | undefined {
  if (opts.trustedProxyHeader) {
    const header = c.req.header(opts.trustedProxyHeader);
    if (header !== undefined) return normaliseAddress(header.split(',').at(-1));
  }
  return normaliseAddress(opts.socketAddress(c));
}
