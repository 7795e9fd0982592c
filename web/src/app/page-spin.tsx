import { Flex, Spin } from 'antd';
import { useI18n } from '../i18n/index.ts';

export function PageSpin({ fullScreen }: { fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 320 }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
