import { ConfigProvider, Spin, theme } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatYuan } from '../../../../../src/kernel/index.ts';
import {
  indicatorCodes,
  type TActivity,
  type TLive,
  type TTrend,
  useLive,
  useTrend,
} from '../../../api/command.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { indicatorShortKey } from '../labels.ts';
import { jurisdictionUnits } from './jurisdiction.ts';
import { CourtTilesChart, GaugesChart, RankingChart, ScreenTrendChart } from './screen-charts.tsx';
import { ScreenClock } from './screen-clock.tsx';
import './screen.css';

/** How often the screen reads today's counters and the indicators; the trend moves slowly. */
const liveRefreshMs = 30_000;
const trendRefreshMs = 5 * 60_000;
/** The tiles and the ranking show one indicator at a time, turning to the next every so often. */
const focusTurnMs = 15_000;

const counters: { key: keyof TActivity; label: MessageKey; unit?: MessageKey }[] = [
  { key: 'filed', label: 'command.screen.filed', unit: 'command.screen.cases' },
  { key: 'closed', label: 'command.screen.closed', unit: 'command.screen.cases' },
  { key: 'inquiriesCompleted', label: 'command.screen.inquiries', unit: 'command.screen.times' },
  { key: 'receivedFen', label: 'command.screen.received', unit: 'common.yuan' },
  { key: 'listed', label: 'command.screen.listed', unit: 'command.screen.persons' },
];

function Panel({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="cmd-screen-panel">
      <div className="cmd-screen-panel-title">
        <span>{title}</span>
        {extra}
      </div>
      {children}
    </section>
  );
}

function counterText(activity: TActivity, key: keyof TActivity): string {
  // Money arrives in fen; the screen shows whole yuan.
  return key === 'receivedFen'
    ? formatYuan(activity.receivedFen).replace(/\.\d\d$/, '')
    : String(activity[key]);
}

/**
 * 大屏: the command centre's wall display — today's counters, the "3+1" indicators as gauges, the
 * courts below as coloured tiles and as a ranking, and the trend — refreshed every 30 seconds.
 * Built to stay up for days: each chart keeps one ECharts instance that every refresh only feeds.
 */
export function BigScreenPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const court = search.get('court') || user.court.courtCode;
  const live = useLive(court, liveRefreshMs);
  const trend = useTrend({ court }, { refetchInterval: trendRefreshMs });
  const [focus, setFocus] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(
      () => setFocus((index) => (index + 1) % indicatorCodes.length),
      focusTurnMs,
    );
    return () => window.clearInterval(timer);
  }, []);

  const courtName = live.data?.court.name;
  useEffect(() => {
    const before = document.title;
    document.title = courtName ? `${courtName} · ${t('command.screen.title')}` : t('command.screen.title');
    return () => {
      document.title = before;
    };
  }, [courtName, t]);

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div className="cmd-screen" data-testid="big-screen">
        {live.data ? (
          <ScreenBody
            live={live.data}
            isStale={live.isError}
            updatedAt={live.dataUpdatedAt}
            trend={trend.data}
            focus={focus}
            onFocus={setFocus}
            court={court}
          />
        ) : live.isError ? (
          <div style={{ gridRow: '1 / -1', alignSelf: 'center' }}>
            <QueryError error={live.error} onRetry={() => live.refetch()} />
          </div>
        ) : (
          <Spin size="large" style={{ gridRow: '1 / -1', alignSelf: 'center' }} />
        )}
      </div>
    </ConfigProvider>
  );
}

function ScreenBody({
  live,
  isStale,
  updatedAt,
  trend,
  focus,
  onFocus,
  court,
}: {
  live: TLive;
  isStale: boolean;
  updatedAt: number;
  trend: TTrend | undefined;
  focus: number;
  onFocus: (index: number) => void;
  court: string;
}) {
  const { t } = useI18n();
  const code = indicatorCodes[focus % indicatorCodes.length] ?? 'assetCasesConcluded';
  const units = useMemo(() => jurisdictionUnits(live, t('command.screen.own')), [live, t]);
  const focusButtons = (
    <div className="cmd-screen-focus">
      {indicatorCodes.map((c, index) => (
        <button key={c} type="button" aria-pressed={c === code} onClick={() => onFocus(index)}>
          {t(indicatorShortKey(c))}
        </button>
      ))}
    </div>
  );

  return (
    <>
      <header className="cmd-screen-header">
        <ScreenClock />
        <h1 className="cmd-screen-title" data-testid="screen-title">
          {live.court.name} · {t('command.screen.title')}
        </h1>
        <div className="cmd-screen-meta">
          <span className={isStale ? 'cmd-screen-stale' : undefined} data-testid="screen-updated">
            {isStale
              ? t('command.screen.stale', { time: formatDateTime(new Date(updatedAt).toISOString()) })
              : t('command.screen.updated', { time: formatDateTime(live.now).slice(11) })}
          </span>
          <Link to={`/command?court=${encodeURIComponent(court)}`}>{t('command.screen.exit')}</Link>
        </div>
      </header>
      <div className="cmd-screen-counters" data-testid="screen-counters">
        {counters.map((counter) => (
          <div
            key={counter.key}
            className="cmd-screen-panel cmd-screen-counter"
            data-testid={`live-${counter.key}`}
          >
            <div className="cmd-screen-counter-label">{t(counter.label)}</div>
            <div className="cmd-screen-counter-value">
              {counterText(live.activity, counter.key)}
              {counter.unit ? <small>{t(counter.unit)}</small> : null}
            </div>
          </div>
        ))}
      </div>
      <div className="cmd-screen-main">
        <Panel
          title={t('command.screen.indicators')}
          extra={<small>{t('command.period', { from: live.period.from, to: live.period.to })}</small>}
        >
          <GaugesChart indicators={live.indicators} />
        </Panel>
        <Panel title={t('command.screen.map')}>
          {focusButtons}
          <CourtTilesChart units={units} code={code} />
          <div className="cmd-screen-legend">
            <span className="met">{t('command.screen.legendMet')}</span>
            <span className="near">{t('command.screen.legendNear')}</span>
            <span className="missed">{t('command.screen.legendMissed')}</span>
            <span className="none">{t('command.screen.legendNone')}</span>
          </div>
        </Panel>
        <Panel title={t('command.screen.ranking')} extra={<small>{t(indicatorShortKey(code))}</small>}>
          <RankingChart units={units} code={code} />
        </Panel>
      </div>
      <div className="cmd-screen-bottom">
        <Panel title={t('command.trend.title')} extra={<small>{t('command.screen.trendHint')}</small>}>
          <ScreenTrendChart trend={trend} />
        </Panel>
      </div>
    </>
  );
}
