interface ImportMetaEnv {
  readonly WXT_TOKEN_SERVICE_URL?: string;
  readonly WXT_TOKEN_SERVICE_ACCESS_KEY?: string;
  /** '1' in test and practice builds: exposes read-only test hooks on globalThis. */
  readonly WXT_TEST_HOOKS?: string;
}
