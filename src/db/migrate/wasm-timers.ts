// The wasm engine arms timeouts through the glue's setTimeout import (60 s ones, e.g. while generating a
// migration) and, having no clearTimeout import, never cancels them when the guarded work finishes first.
// Left alone they keep Node alive for a minute after `dev` is done. We route that import through here to
// know which timers are outstanding, and clear them once no engine is open: no one can be waiting on them.

const pending = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

/** The glue's exports as the wasm import object, with its setTimeout import tracked. */
export function withTrackedTimers(glue: Record<string, unknown>): Record<string, unknown> {
  const key = Object.keys(glue).find((name) => name.startsWith('__wbg_setTimeout_'));
  const original = key === undefined ? undefined : glue[key];
  if (key === undefined || typeof original !== 'function') return glue;
  const tracked = (callback: () => void, ms: number): unknown => {
    // The glue function returns Node's Timeout (handed to wasm as an opaque value).
    const timer = original((): void => {
      pending.delete(timer);
      callback();
    }, ms) as ReturnType<typeof setTimeout>;
    pending.add(timer);
    return timer;
  };
  return { ...glue, [key]: tracked };
}

export function engineOpened(): void {
  openEngines += 1;
}

export function engineClosed(): void {
  openEngines -= 1;
  if (openEngines > 0) return;
  for (const timer of pending) clearTimeout(timer);
  pending.clear();
}
