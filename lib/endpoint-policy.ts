/**
 * Which token-service addresses the extension will send its access key to: `https://` anywhere, plain `http://` only
 * on this machine (practice mode, tests). Anything else would put the access key on the wire in clear text.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');
}

/** null when the URL is acceptable, otherwise a sentence saying why not and what to do. */
export function tokenServiceUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 80)}" is not a web address. Enter the token service address your admin gave you, e.g. https://tokens.example.com.`;
  }
  if (parsed.username || parsed.password) return 'The token service address must not contain a user name or password.';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return null;
  if (parsed.protocol === 'http:')
    return 'The token service must use https:// (plain http:// is only allowed on this machine, e.g. http://127.0.0.1:8787).';
  return `The token service address must start with https:// (got ${parsed.protocol}).`;
}
