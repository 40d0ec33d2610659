import { setTimeout as sleep } from "node:timers/promises";

/** Polls `fn` until it returns something truthy (background jobs finishing), or fails after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}
