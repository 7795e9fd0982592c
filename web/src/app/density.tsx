import { createContext, type ReactNode, useContext, useState } from 'react';

/**
 * Table density: compact (the default — officers read long lists all day) or comfortable. Kept
 * in this browser per user, so a shared counter PC remembers each person's choice.
 */
export type Density = 'compact' | 'comfortable';

type DensityState = { density: Density; setDensity: (density: Density) => void };

const DensityContext = createContext<DensityState>({ density: 'compact', setDensity: () => {} });

const keyOf = (username: string) => `zhixing.density.${username}`;

function read(username: string): Density {
  try {
    return window.localStorage.getItem(keyOf(username)) === 'comfortable' ? 'comfortable' : 'compact';
  } catch {
    return 'compact';
  }
}

export function DensityProvider({ username, children }: { username: string; children: ReactNode }) {
  const [density, setState] = useState<Density>(() => read(username));
  const setDensity = (next: Density) => {
    setState(next);
    try {
      window.localStorage.setItem(keyOf(username), next);
    } catch {
      // Storage refused (private mode): the choice holds for this visit.
    }
  };
  return <DensityContext.Provider value={{ density, setDensity }}>{children}</DensityContext.Provider>;
}

export function useDensity(): DensityState {
  return useContext(DensityContext);
}

/** The Table tokens of each density: compact rows are about 33 px high, comfortable about 47. */
export function tableTokensOf(density: Density) {
  const base = { rowSelectedBg: '#f0f5ff', rowSelectedHoverBg: '#e6eeff', headerBg: '#f5f7fa' };
  return density === 'compact'
    ? { ...base, cellPaddingBlock: 6, cellPaddingBlockMD: 6, cellPaddingBlockSM: 4, cellPaddingInlineMD: 8 }
    : { ...base, cellPaddingBlock: 12, cellPaddingBlockMD: 12, cellPaddingBlockSM: 8 };
}
