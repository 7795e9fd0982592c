/**
 * Runs callbacks at given instants with one timer: a binary min-heap of (due time, id). Due items
 * run in batches; a long backlog yields to the event loop between batches so HTTP stays responsive.
 */
export type Scheduler = {
  schedule(at: number, id: string): void;
  size(): number;
  stop(): void;
};

const BATCH = 2000;

export function createScheduler(run: (id: string) => void, now: () => number = Date.now): Scheduler {
  const ats: number[] = [];
  const ids: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  let isStopped = false;

  const swap = (i: number, j: number): void => {
    const a = ats[i] ?? 0;
    const d = ids[i] ?? '';
    ats[i] = ats[j] ?? 0;
    ids[i] = ids[j] ?? '';
    ats[j] = a;
    ids[j] = d;
  };
  const push = (at: number, id: string): void => {
    ats.push(at);
    ids.push(id);
    let i = ats.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((ats[parent] ?? 0) <= at) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): string | undefined => {
    const top = ids[0];
    const lastAt = ats.pop();
    const lastId = ids.pop();
    if (ats.length > 0 && lastAt !== undefined && lastId !== undefined) {
      ats[0] = lastAt;
      ids[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < ats.length && (ats[l] ?? 0) < (ats[m] ?? 0)) m = l;
        if (r < ats.length && (ats[r] ?? 0) < (ats[m] ?? 0)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };

  const arm = (): void => {
    if (isStopped || ats.length === 0) return;
    const head = ats[0] ?? 0;
    if (timer && head >= armedAt) return;
    if (timer) clearTimeout(timer);
    armedAt = head;
    timer = setTimeout(fire, Math.max(0, head - now()));
  };

  const fire = (): void => {
    timer = undefined;
    armedAt = Number.POSITIVE_INFINITY;
    const t = now();
    let n = 0;
    while (!isStopped && ats.length > 0 && (ats[0] ?? 0) <= t && n < BATCH) {
      const id = pop();
      if (id !== undefined) run(id);
      n++;
    }
    if (n === BATCH && ats.length > 0 && (ats[0] ?? 0) <= t) {
      if (timer) clearTimeout(timer);
      armedAt = t;
      timer = setTimeout(fire, 0);
      return;
    }
    arm();
  };

  return {
    schedule(at, id) {
      if (isStopped) return;
      push(at, id);
      arm();
    },
    size: () => ats.length,
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
