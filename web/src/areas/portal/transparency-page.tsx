import { Alert, Card, Descriptions, Flex, Layout, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatChinaDateTime } from '../../../../src/kernel/index.ts';
import type { TDailyRoot } from '../../../../src/modules/audit/contracts.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { type TransparencyMessageKey, transparencyMessages } from '../../i18n/messages/transparency.ts';
import { useTransparency } from './use-transparency.ts';

/**
 * The audit's transparency page (审计透明度), no sign-in: the last signed checkpoint of each China
 * day and the public key that checks it (docs/decisions/0012-audit-that-owners-cannot-rewrite.md).
 * Anyone who keeps these roots can later show that audit records were deleted or rewritten.
 */
export function TransparencyPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const m = (key: TransparencyMessageKey) => pick(transparencyMessages[key]);
  const query = useTransparency();
  const data = query.data;
  const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#10233f' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Flex align="center" gap={10}>
            <span className="app-logo-mark">执</span>
            <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong>
              {t('portal.brand')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <Link to="/portal" style={{ color: '#c9d6ea' }}>
              {m('transparency.back')}
            </Link>
            <LanguageSwitch />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1040, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={2} data-testid="transparency-title" style={{ marginBottom: 4 }}>
          {m('transparency.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{m('transparency.intro')}</Typography.Paragraph>
        {query.error ? <Alert type="warning" showIcon title={describeError(query.error, i18n)} /> : null}
        {query.isPending ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
        {data && !data.publicKey ? <Alert type="info" showIcon title={m('transparency.noKey')} /> : null}
        {data?.publicKey ? (
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'key',
                  label: m('transparency.publicKey'),
                  children: (
                    <Typography.Paragraph copyable style={{ ...mono, whiteSpace: 'pre', margin: 0 }}>
                      {data.publicKey.trim()}
                    </Typography.Paragraph>
                  ),
                },
                {
                  key: 'id',
                  label: m('transparency.keyId'),
                  children: <span style={mono}>{data.keyId}</span>,
                },
                {
                  key: 'chain',
                  label: m('transparency.chain'),
                  children: <span style={mono}>{data.chain}</span>,
                },
                {
                  key: 'how',
                  label: m('transparency.howToVerify'),
                  children: (
                    <>
                      {m('transparency.howToVerifyText')}
                      <Typography.Paragraph copyable style={{ ...mono, margin: '4px 0 0' }}>
                        {data.messageFormat}
                      </Typography.Paragraph>
                    </>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
        {data?.publicKey ? (
          <Card title={m('transparency.roots')}>
            <Table<TDailyRoot>
              rowKey="date"
              size="small"
              pagination={false}
              dataSource={data.roots}
              locale={{ emptyText: m('transparency.none') }}
              data-testid="transparency-roots"
              scroll={{ x: true }}
              columns={[
                { key: 'date', title: m('transparency.date'), dataIndex: 'date' },
                {
                  key: 'signedAt',
                  title: m('transparency.signedAt'),
                  // Shown in China time; copied exactly as signed.
                  render: (_, root) => (
                    <Typography.Text copyable={{ text: root.signedAt }}>
                      {formatChinaDateTime(root.signedAt)}
                    </Typography.Text>
                  ),
                },
                { key: 'chainSeq', title: m('transparency.chainSeq'), dataIndex: 'chainSeq', align: 'right' },
                {
                  key: 'headHash',
                  title: m('transparency.headHash'),
                  render: (_, root) => (
                    <Typography.Text copyable={{ text: root.headHash }} style={mono}>
                      {root.headHash.slice(0, 16)}…
                    </Typography.Text>
                  ),
                },
                {
                  key: 'signature',
                  title: m('transparency.signature'),
                  render: (_, root) => (
                    <Typography.Text copyable={{ text: root.signature }} style={mono}>
                      {root.signature.slice(0, 16)}…
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
      </Layout.Content>
    </Layout>
  );
}
