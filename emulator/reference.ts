/**
 * Loads the SFMC reference pack's search (lib/reference/search.ts, the module the extension uses) once per process
 * for practice answers. A pack that fails to load is logged and practice mode answers as if it were empty.
 */
import type { ReferenceSearch } from './practice.ts';

// TODO [2026-12-03]: import it statically once lib/reference/search.ts is committed (a variable keeps tsc quiet now).
const SEARCH_MODULE = '../lib/reference/search.ts';

let loading: Promise<ReferenceSearch | undefined> | undefined;

export function loadReference(log: (line: string) => void = () => {}): Promise<ReferenceSearch | undefined> {
  loading ??= (async () => {
    try {
      const mod = await import(SEARCH_MODULE) as { getReferenceIndex(): ReferenceSearch | Promise<ReferenceSearch> };
      return await mod.getReferenceIndex();
    } catch (err) {
      log(`reference pack not loaded (${(err as Error).message}); practice answers will say it has nothing`);
      return undefined;
    }
  })();
  return loading;
}
