import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/workbench')}>
          {t('nav.workbench')}
        </Button>
      }
    />
  );
}
