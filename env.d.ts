interface ImportMetaEnv {
  readonly WXT_TOKEN_SERVICE_URL?: string;
  readonly WXT_TOKEN_SERVICE_ACCESS_KEY?: string;
  /** '1' only in the test build (`npm run build:test`): exposes read-only test hooks on globalThis. Never in the product or store build. */
  readonly WXT_TEST_HOOKS?: string;
}
