import { Flex, Typography } from 'antd';
import { calendarDaysBetween } from '../../../src/kernel/index.ts';
import { useI18n } from '../i18n/index.ts';
import { serverToday } from '../lib/server-clock.ts';
import { DeadlineTag } from './deadline-tag.tsx';

type RequestDueProps = { dueOn: string; isOpen: boolean; rule?: string };

/** When the team must answer a party's request: the date, and while open the days left (red when overdue). */
export function RequestDue({ dueOn, isOpen, rule }: RequestDueProps) {
  const { t, pickMessage } = useI18n();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text type="secondary" className="tabular-nums">
        {t('my.requests.dueOn', { date: dueOn })}
      </Typography.Text>
      {isOpen ? (
        <DeadlineTag daysLeft={calendarDaysBetween(serverToday(), dueOn)} unit="calendarDays" dueOn={dueOn} />
      ) : null}
      {rule ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pickMessage(rule)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
