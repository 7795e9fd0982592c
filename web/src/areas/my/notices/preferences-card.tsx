import { App, Card, Flex, Switch, Typography } from 'antd';
import { type TPreferences, usePreferences, useUpdatePreferences } from '../../../api/party-notices.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

/** How the person hears of each key step: by SMS, in the portal, or both (their choice). */
export function PreferencesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const query = usePreferences();
  const update = useUpdatePreferences();
  const current = query.data;
  const change = (patch: Partial<TPreferences>) => {
    if (!current) return;
    update.mutate({ ...current, ...patch }, { onSuccess: () => message.success(t('common.saved')) });
  };
  const rows: { key: keyof TPreferences; label: string; hint: string }[] = [
    { key: 'sms', label: t('my.preferences.sms'), hint: t('my.preferences.smsHint') },
    { key: 'inApp', label: t('my.preferences.inApp'), hint: t('my.preferences.inAppHint') },
  ];
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('my.preferences.title')}
        </Typography.Title>
      }
      data-testid="my-preferences"
    >
      <ErrorAlert error={query.error ?? update.error} />
      <Flex vertical gap={12}>
        {rows.map((row) => (
          <Flex key={row.key} justify="space-between" align="center" gap={12}>
            <Flex vertical>
              <Typography.Text id={`my-preference-${row.key}`}>{row.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.hint}
              </Typography.Text>
            </Flex>
            <Switch
              aria-labelledby={`my-preference-${row.key}`}
              checked={current?.[row.key] ?? false}
              disabled={!current}
              loading={query.isPending || update.isPending}
              onChange={(checked) => change({ [row.key]: checked })}
              data-testid={`my-preference-${row.key}`}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
