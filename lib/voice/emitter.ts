/**
 * A typed event emitter for the engine's parts: `on` returns its own unsubscribe, and a listener that throws is
 * logged without stopping the others or the code that emitted.
 */
type Listener<T> = (payload: T) => void | Promise<void>;

export function createEmitter<Events extends object>() {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  const report = (name: keyof Events, e: unknown) => console.error(`[engine] a '${String(name)}' listener failed`, e);
  return {
    on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener<never>);
      return () => void set.delete(listener as Listener<never>);
    },
    emit<K extends keyof Events>(name: K, payload: Events[K]): void {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          const result = (listener as Listener<Events[K]>)(payload);
          if (result instanceof Promise) result.catch((e: unknown) => report(name, e));
        } catch (e) {
          report(name, e);
        }
      }
    },
  };
}
