import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/index.ts';

type DeadlineTagProps = {
  daysLeft: number;
  /** What `daysLeft` counts: node deadlines count working days (工作日), other periods calendar days. */
  unit: 'workingDays' | 'calendarDays';
  dueOn?: string;
};

/** Days left until a deadline, in the unit the rule counts: red when overdue, orange within 3. */
export function DeadlineTag({ daysLeft, unit, dueOn }: DeadlineTagProps) {
  const { t } = useI18n();
  const isWorking = unit === 'workingDays';
  let color = 'default';
  let text = t(isWorking ? 'deadline.workingDaysLeft' : 'deadline.daysLeft', { days: daysLeft });
  if (daysLeft < 0) {
    color = 'red';
    text = t(isWorking ? 'deadline.overdueByWorkingDays' : 'deadline.overdueBy', { days: -daysLeft });
  } else if (daysLeft === 0) {
    color = 'orange';
    text = t('deadline.dueToday');
  } else if (daysLeft <= 3) {
    color = 'orange';
  }
  const tag = (
    // antd's orange text is 3.3:1 on its background; darkened to 5:1 (WCAG 2.1 AA).
    <Tag
      color={color}
      className="tabular-nums"
      style={{ marginInlineEnd: 0, ...(color === 'orange' ? { color: '#ad4e00' } : {}) }}
    >
      {text}
    </Tag>
  );
  return dueOn ? <Tooltip title={t('deadline.dueOn', { date: dueOn })}>{tag}</Tooltip> : tag;
}
