/** The few parts of `oidc-provider` (no bundled types; @types/oidc-provider is not installed) the tests use. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface Client {
    grantTypeAllowed(type: string): boolean;
  }
  interface Code {
    scopes: Set<string>;
  }
  interface Account {
    accountId: string;
    claims(): Record<string, unknown>;
  }
  export interface Configuration {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    scopes?: string[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    findAccount?(ctx: unknown, sub: string): Account | Promise<Account>;
    ttl?: Record<string, number>;
    clientBasedCORS?(ctx: unknown, origin: string, client: Client): boolean;
    issueRefreshToken?(ctx: unknown, client: Client, code: Code): boolean | Promise<boolean>;
  }
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
