import { FileTextOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { TNode } from '../../../../../src/modules/cases/contracts.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';

/** Newest first: the officer's next step follows from the latest one. */
function sortNewestFirst(nodes: TNode[]): TNode[] {
  return [...nodes].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
}

export function NodesPanel({ nodes }: { nodes: TNode[] }) {
  const { t, pick } = useI18n();
  if (nodes.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.nodes.empty')} />;
  return (
    <Timeline
      data-testid="node-timeline"
      style={{ paddingTop: 8 }}
      items={sortNewestFirst(nodes).map((node, index) => ({
        key: node.id,
        color: index === 0 ? 'blue' : 'gray',
        title: <span className="tabular-nums">{node.occurredOn}</span>,
        content: (
          <Flex vertical gap={4}>
            <Typography.Text strong>{pick(node.label) || node.kind}</Typography.Text>
            {node.note ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {node.note}
              </Typography.Paragraph>
            ) : null}
            {node.documents.length > 0 ? (
              <Flex gap={4} wrap>
                {node.documents.map((document) => (
                  <Tag key={document.name} icon={<FileTextOutlined />} variant="outlined">
                    {document.name}
                  </Tag>
                ))}
              </Flex>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('case.nodes.recordedBy', {
                name: node.actor?.displayName ?? t('case.nodes.system'),
                time: formatDateTime(node.recordedAt),
              })}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
