import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker as AntDatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaOffsetMs } from '../../../src/kernel/index.ts';
import { serverNow } from '../lib/server-clock.ts';

/**
 * Ant Design's date picker with the court's calendar: its "today" (the highlighted day, the Today
 * button, the month it opens on) is the server clock's China date, whatever the browser's clock
 * and time zone (docs/decisions/0011-one-clock.md). Values stay plain calendar days: a picked day
 * is read back as `YYYY-MM-DD` (lib/dates.ts).
 */
function chinaWallClockNow(): Dayjs {
  // A local Dayjs whose wall time reads the China wall time of the server's "now".
  const china = new Date(serverNow().getTime() + chinaOffsetMs);
  return dayjs(
    new Date(
      china.getUTCFullYear(),
      china.getUTCMonth(),
      china.getUTCDate(),
      china.getUTCHours(),
      china.getUTCMinutes(),
      china.getUTCSeconds(),
    ),
  );
}

export const DatePicker = AntDatePicker.generatePicker<Dayjs>({
  ...dayjsGenerateConfig,
  getNow: chinaWallClockNow,
});
