import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../../src/kernel/index.ts';
import { indicatorCodes, type TIndicatorCode } from '../../api/command.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { serverToday } from '../../lib/server-clock.ts';

export const deskTabs = ['failing', 'supervisions', 'entrustments', 'petitions', 'warnings'] as const;
export type DeskTab = (typeof deskTabs)[number];

export type DeskScope = { court: string; from: string; to: string };

/** This year up to today, on the server's clock (China dates). */
export function thisYear(): { from: string; to: string } {
  const today = serverToday();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * What the desk shows, kept in the URL so that a drill-down can be shared and the back button
 * walks back up: the court (by its code; the user's own by default), the period (this year by
 * default), the tab and the indicator whose failing cases are listed.
 */
export function useDeskScope() {
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const year = thisYear();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const hasPeriod = isIsoDate(from) && isIsoDate(to) && from <= to;
  const scope: DeskScope = {
    court: search.get('court') || user.court.courtCode,
    from: hasPeriod ? from : year.from,
    to: hasPeriod ? to : year.to,
  };
  const tab: DeskTab = deskTabs.find((key) => key === search.get('tab')) ?? 'failing';
  const indicator: TIndicatorCode =
    indicatorCodes.find((code) => code === search.get('indicator')) ?? 'assetCasesConcluded';

  const update = (patch: Record<string, string | undefined>, options: { push?: boolean } = {}) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A drill-down is a step the back button undoes; a tab or a filter is not.
    setSearch(next, { replace: !options.push });
  };

  return {
    scope,
    tab,
    indicator,
    setCourt: (court: string) =>
      update({ court: court === user.court.courtCode ? undefined : court }, { push: true }),
    setPeriod: (period: { from: string; to: string } | null) =>
      update({ from: period?.from, to: period?.to }),
    setTab: (next: DeskTab) => update({ tab: next }),
    showFailing: (code: TIndicatorCode) => update({ tab: 'failing', indicator: code }),
    setIndicator: (code: TIndicatorCode) => update({ indicator: code }),
  };
}
