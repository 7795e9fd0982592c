import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TCaseListItem } from '../../../../../src/modules/cases/contracts.ts';
import type { CaseListParams } from '../../../api/cases.ts';
import { CaseStatusTag } from '../../../components/case-status-tag.tsx';
import { DeadlineTag } from '../../../components/deadline-tag.tsx';
import { MoneyText } from '../../../components/money-text.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useClosingTypeLabel, useFlagLabel } from '../code-labels.ts';

function NameList({ names }: { names: string[] }) {
  if (names.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = names.join('、');
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: '100%' }}>
      {text}
    </Typography.Text>
  );
}

export function useCaseColumns(params: CaseListParams): TableColumnsType<TCaseListItem> {
  const { t, pick } = useI18n();
  const closingTypeLabel = useClosingTypeLabel();
  const flagLabel = useFlagLabel();
  return [
    {
      key: 'caseNumber',
      title: t('workbench.column.caseNumber'),
      dataIndex: 'caseNumber',
      fixed: 'left',
      width: 200,
      render: (_value, item) => (
        <Flex vertical gap={2}>
          <Link to={`/cases/${item.id}`} className="tabular-nums" style={{ fontWeight: 500 }}>
            {item.caseNumber}
          </Link>
          {item.triage || item.flags.length > 0 ? (
            <Flex gap={4} wrap>
              {item.triage ? (
                <Tag
                  variant="filled"
                  color={item.triage === 'complex' ? 'volcano' : 'green'}
                  style={{ margin: 0 }}
                >
                  {t(`triage.${item.triage}`)}
                </Tag>
              ) : null}
              {item.flags.map((flag) => (
                <Tag key={flag} variant="filled" style={{ margin: 0 }}>
                  {flagLabel(flag)}
                </Tag>
              ))}
            </Flex>
          ) : null}
        </Flex>
      ),
    },
    {
      // 申请执行人 over 被执行人 in one column: the list fits 1440×900 with every column that matters.
      key: 'parties',
      title: `${t('workbench.column.applicants')} / ${t('workbench.column.respondents')}`,
      width: 250,
      render: (_value, item) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={6} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none' }}>
              {t('workbench.applicantShort')}
            </Typography.Text>
            <NameList names={item.applicantNames} />
          </Flex>
          <Flex gap={6} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none' }}>
              {t('workbench.respondentShort')}
            </Typography.Text>
            <NameList names={item.respondentNames} />
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'claim',
      title: t('workbench.column.claim'),
      align: 'right',
      width: 130,
      render: (_value, item) => <MoneyText fen={item.claimAmountFen} />,
    },
    {
      key: 'status',
      title: t('workbench.column.status'),
      width: 110,
      render: (_value, item) => (
        <Flex vertical gap={2} align="flex-start">
          <CaseStatusTag status={item.status} />
          {item.closingType ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {closingTypeLabel(item.closingType)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'deadline',
      title: t('workbench.column.nextDeadline'),
      width: 200,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: params.sort === 'deadline' ? 'ascend' : null,
      render: (_value, item) =>
        item.nextDeadline ? (
          <Flex vertical gap={2} align="flex-start">
            <Typography.Text ellipsis={{ tooltip: pick(item.nextDeadline.label) }} style={{ maxWidth: 190 }}>
              {pick(item.nextDeadline.label)}
            </Typography.Text>
            <Flex gap={6} align="center">
              <DeadlineTag
                daysLeft={item.nextDeadline.daysLeft}
                unit="workingDays"
                dueOn={item.nextDeadline.dueOn}
              />
              <Typography.Text type="secondary" className="tabular-nums" style={{ fontSize: 12 }}>
                {item.nextDeadline.dueOn}
              </Typography.Text>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'judge',
      title: t('workbench.column.judge'),
      width: 90,
      render: (_value, item) =>
        item.judge ? (
          item.judge.displayName
        ) : (
          <Typography.Text type="secondary">{t('workbench.unassigned')}</Typography.Text>
        ),
    },
    {
      key: 'filedOn',
      title: t('workbench.column.filedOn'),
      dataIndex: 'filedOn',
      width: 110,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: params.sort === 'filedOn' ? 'ascend' : params.sort === '-filedOn' ? 'descend' : null,
      render: (value: string) => <span className="tabular-nums">{value}</span>,
    },
  ];
}
