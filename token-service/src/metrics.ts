/** A tiny Prometheus text-format registry (no dependency, runs on any Hono runtime). No label carries a secret or a principal. */
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Record<string, string>) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${esc(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export class Metrics {
  private requests = new Map<string, number>();
  private failures = new Map<string, number>();
  private rateLimitHits = new Map<string, number>();
  private minted = 0;
  private buckets = LATENCY_BUCKETS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;

  request(route: string, method: string, status: number): void {
    const k = labelText({ route, method, status: String(status) });
    this.requests.set(k, (this.requests.get(k) ?? 0) + 1);
  }
  failure(reason: string): void {
    const k = labelText({ reason });
    this.failures.set(k, (this.failures.get(k) ?? 0) + 1);
  }
  rateLimitHit(scope: 'principal' | 'global' | 'auth_failures'): void {
    const k = labelText({ scope });
    this.rateLimitHits.set(k, (this.rateLimitHits.get(k) ?? 0) + 1);
  }
  tokenMinted(): void {
    this.minted++;
  }
  upstreamLatency(seconds: number): void {
    this.latencyCount++;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }

  render(): string {
    const out: string[] = [];
    const counter = (name: string, help: string, values: Map<string, number>) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, v] of values) out.push(`${name}${labels} ${v}`);
    };
    counter('token_service_requests_total', 'HTTP requests by route, method and status.', this.requests);
    counter('token_service_failures_total', 'Refused or failed requests by reason (the error code).', this.failures);
    counter(
      'token_service_rate_limit_hits_total',
      'Requests refused by the rate limiter, by scope.',
      this.rateLimitHits,
    );
    counter('token_service_tokens_minted_total', 'Ephemeral keys handed out.', new Map([['', this.minted]]));
    const h = 'token_service_upstream_latency_seconds';
    out.push(`# HELP ${h} Latency of POST /realtime/client_secrets upstream calls.`, `# TYPE ${h} histogram`);
    LATENCY_BUCKETS.forEach((b, i) => out.push(`${h}_bucket{le="${b}"} ${this.buckets[i] ?? 0}`));
    out.push(
      `${h}_bucket{le="+Inf"} ${this.latencyCount}`,
      `${h}_sum ${this.latencySum}`,
      `${h}_count ${this.latencyCount}`,
    );
    return out.join('\n') + '\n';
  }
}
