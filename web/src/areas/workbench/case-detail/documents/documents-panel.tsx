import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  documentTemplates,
  type TDocument,
  type TDocumentTemplate,
  useCaseDocuments,
  useIssueDocument,
} from '../../../../api/documents.ts';
import { hasAnyRole, useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { describeError } from '../../../../components/error-text.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { accessibleTheme } from './accessible-theme.ts';
import { DocumentsTable } from './documents-table.tsx';
import { documentTemplateLabels } from './labels.ts';
import { ServeModal } from './serve-modal.tsx';

/**
 * 文书 on the case page: the team issues a document from a node's template (Word and PDF filled
 * from the case), the case judge or a court leader seals it, and the team serves it on a party.
 * Each with its hash, its seal and its services with their time of receipt.
 */
export function DocumentsPanel({ detail }: { detail: TCaseDetail }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const user = useCurrentUser();
  const documents = useCaseDocuments(detail.id);
  const issue = useIssueDocument(detail.id);
  const [template, setTemplate] = useState<TDocumentTemplate | undefined>(undefined);
  const [serving, setServing] = useState<TDocument | null>(null);
  // The server lets the case judge or a court leader seal; anyone else is answered 403.
  const canSeal = detail.team.judge?.id === user.id || hasAnyRole(user, 'courtLeader');

  const handleIssue = () => {
    if (!template) return;
    issue.mutate(template, {
      onSuccess: () => {
        message.success(t('documents.issued', { title: pick(documentTemplateLabels[template]) }));
        setTemplate(undefined);
      },
      onError: (error) => message.error(describeError(error, i18n)),
    });
  };

  return (
    <ConfigProvider theme={accessibleTheme}>
      <Flex vertical gap={12} data-testid="documents-panel">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('documents.intro')}
        </Typography.Paragraph>
        {detail.isTeamMember ? (
          <Space.Compact style={{ maxWidth: 560 }}>
            <Select<TDocumentTemplate>
              aria-label={t('documents.template')}
              placeholder={t('documents.templatePlaceholder')}
              value={template}
              onChange={setTemplate}
              options={documentTemplates.map((value) => ({
                value,
                label: pick(documentTemplateLabels[value]),
              }))}
              style={{ flex: 1, minWidth: 280 }}
              data-testid="document-template"
            />
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              disabled={!template}
              loading={issue.isPending}
              onClick={handleIssue}
              data-testid="document-issue"
            >
              {t('documents.issue')}
            </Button>
          </Space.Compact>
        ) : null}
        {documents.isPending ? <PageSpin /> : null}
        {documents.isError ? (
          <QueryError error={documents.error} onRetry={() => documents.refetch()} />
        ) : null}
        {documents.data ? (
          <DocumentsTable
            caseId={detail.id}
            documents={documents.data.items}
            canSeal={canSeal}
            canServe={detail.isTeamMember}
            onServe={setServing}
          />
        ) : null}
        <ServeModal detail={detail} document={serving} onClose={() => setServing(null)} />
      </Flex>
    </ConfigProvider>
  );
}
