import { Alert, type ButtonProps, Modal, Skeleton, Typography } from 'antd';
import { useDecisionPreview } from '../../../api/credit.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';

type CreditSignModalProps = {
  /** The entry waiting to be signed; null when closed. */
  entryId: string | null;
  isSigning: boolean;
  onSign: (entryId: string) => void;
  onClose: () => void;
};

/**
 * 签发 with legal effect asks once: the decision letter exactly as it will be issued today, the
 * publication date and the term, then the leader signs — or closes and nothing happens.
 */
export function CreditSignModal({ entryId, isSigning, onSign, onClose }: CreditSignModalProps) {
  const { t } = useI18n();
  const preview = useDecisionPreview(entryId);
  const p = preview.data;
  return (
    <Modal
      open={entryId !== null}
      title={t('credit.sign.title')}
      width={760}
      onCancel={onClose}
      okText={t('credit.sign.confirm')}
      okButtonProps={
        {
          danger: true,
          disabled: !p,
          loading: isSigning,
          'data-testid': 'credit-approve-confirm',
        } as ButtonProps
      }
      onOk={() => (entryId ? onSign(entryId) : undefined)}
      destroyOnHidden
    >
      {preview.isError ? <QueryError error={preview.error} onRetry={() => preview.refetch()} /> : null}
      {!p && !preview.isError ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {p ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('credit.sign.notice', {
              publishFrom: p.publishFrom,
              term: p.expiresOn
                ? t('credit.sign.until', { expiresOn: p.expiresOn })
                : t('credit.sign.noTerm'),
            })}
          />
          <Typography.Paragraph
            data-testid="credit-sign-letter"
            style={{
              whiteSpace: 'pre-wrap',
              fontFamily: "'FangSong', 'STFangsong', serif",
              fontSize: 15,
              lineHeight: 1.9,
              maxHeight: '55vh',
              overflow: 'auto',
              padding: '12px 20px',
              border: '1px solid rgba(5, 5, 5, 0.06)',
              borderRadius: 6,
              background: '#fffdf7',
            }}
          >
            {p.decisionLetter}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
