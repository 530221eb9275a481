/**
 * Structured JSON logs with one redaction choke point: every line is serialised, then scrubbed of the configured
 * secrets (API key, access keys) and of anything shaped like a bearer token, `sk-…` or `ek_…` value, before it is written.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const PATTERNS: [RegExp, string][] = [
  [/Bearer\s+[^\s"\\]+/gi, 'Bearer [redacted]'],
  [/\bsk-[A-Za-z0-9_*-]{6,}/g, 'sk-[redacted]'],
  [/\bek_[A-Za-z0-9_-]+/g, 'ek_[redacted]'],
];

export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  const exact = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of exact) out = out.split(s).join('[redacted]');
    for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
    return out;
  };
}

export function createLogger(opts: {
  secrets: readonly string[];
  level?: Level;
  sink?: (line: string) => void;
  base?: Record<string, unknown>;
}): Logger {
  const redact = makeRedactor(opts.secrets);
  const min = ORDER[opts.level ?? 'info'];
  const sink = opts.sink ?? ((line: string) => console.log(line));
  const make = (base: Record<string, unknown>): Logger => {
    const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
      if (ORDER[level] < min) return;
      let line: string;
      try {
        line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields });
      } catch {
        line = JSON.stringify({
          time: new Date().toISOString(),
          level,
          msg,
          ...base,
          note: 'unserialisable fields dropped',
        });
      }
      sink(redact(line));
    };
    return {
      debug: (m, f) => write('debug', m, f),
      info: (m, f) => write('info', m, f),
      warn: (m, f) => write('warn', m, f),
      error: (m, f) => write('error', m, f),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make(opts.base ?? { service: 'token-service' });
}
