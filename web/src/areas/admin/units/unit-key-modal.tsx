import { Alert, Button, Flex, Modal, Typography } from 'antd';
import type { TUnitCreated } from '../../../../../src/modules/matching/contracts.ts';
import { useI18n } from '../../../i18n/index.ts';

type UnitKeyModalProps = {
  issued: { created: TUnitCreated; name: string } | null;
  isOpen: boolean;
  onClose: () => void;
  /** After the closing animation: forget the key, so it lives in no state or DOM node any more. */
  afterClose: () => void;
};

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: value }}
        data-testid={testId}
        style={{ marginTop: 4, marginBottom: 0, wordBreak: 'break-all', fontSize: 13 }}
      >
        {value}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The API key (and webhook secret) of a newly registered unit. The server keeps only a digest, so
 * this is the one chance to copy them: the window closes only by the explicit button.
 */
export function UnitKeyModal({ issued, isOpen, onClose, afterClose }: UnitKeyModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={isOpen && issued !== null}
      afterClose={afterClose}
      destroyOnHidden
      title={issued ? t('units.keyTitle', { name: issued.name }) : null}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="unit-key-done">
          {t('units.keySaved')}
        </Button>
      }
    >
      {issued ? (
        <Flex vertical gap={16}>
          <Alert
            type="warning"
            showIcon
            title={t('units.keyWarning')}
            description={t('units.keyWarningDetail')}
          />
          <Secret label={t('units.apiKey')} value={issued.created.apiKey} testId="unit-api-key" />
          {issued.created.webhookSecret ? (
            <Secret
              label={t('units.webhookSecret')}
              value={issued.created.webhookSecret}
              testId="unit-webhook-secret"
            />
          ) : null}
          <Typography.Text type="secondary">{t('units.keyUsage')}</Typography.Text>
        </Flex>
      ) : null}
    </Modal>
  );
}
