import type { Config } from './env';
import type { Logger } from './log';
import type { Metrics } from './metrics';

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Who is minting: `key:<fingerprint>` or `sub:<oidc subject>`. Set by the auth middleware. */
    principal: string;
    /** The error code of a refused request, for the access log and metrics. */
    failure: string;
    config: Config;
    metrics: Metrics;
  };
}
