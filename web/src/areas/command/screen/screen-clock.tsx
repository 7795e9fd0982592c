import { useEffect, useState } from 'react';
import { chinaOffsetMs } from '../../../../../src/kernel/index.ts';
import { useI18n } from '../../../i18n/index.ts';
import { serverNow } from '../../../lib/server-clock.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const weekdays = {
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** China wall time of an instant, read from its UTC fields shifted by eight hours. */
function chinaParts(instant: Date) {
  const china = new Date(instant.getTime() + chinaOffsetMs);
  return {
    date: `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`,
    time: `${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}:${pad(china.getUTCSeconds())}`,
    weekday: china.getUTCDay(),
  };
}

/** The time in China on the server's clock (docs/decisions/0011-one-clock.md), ticking each second. */
export function ScreenClock() {
  const { lang } = useI18n();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const parts = chinaParts(now);
  return (
    <div className="cmd-screen-clock" data-testid="screen-clock" data-date={parts.date}>
      <strong>{parts.time}</strong>
      {parts.date} {weekdays[lang][parts.weekday]}
    </div>
  );
}
