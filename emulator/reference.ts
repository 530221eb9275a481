/**
 * Loads the SFMC reference pack's search (lib/reference/search.ts, the module the extension uses) once per process
 * for practice answers. A pack that fails to load is logged and practice mode answers as if it were empty.
 */
import type { ReferenceSearch } from './practice.ts';

let loading: Promise<ReferenceSearch | undefined> | undefined;

export function loadReference(log: (line: string) => void = () => {}): Promise<ReferenceSearch | undefined> {
  loading ??= (async () => {
    try {
      const { getReferenceIndex } = await import('../lib/reference/search.ts');
      return getReferenceIndex();
    } catch (err) {
      log(`reference pack not loaded (${(err as Error).message}); practice answers will say it has nothing`);
      return undefined;
    }
  })();
  return loading;
}
