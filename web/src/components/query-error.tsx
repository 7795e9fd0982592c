import { Button, Result } from 'antd';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.ts';
import { describeError } from './error-text.ts';

type QueryErrorProps = { error: unknown; onRetry?: () => void };

/** A page-sized answer when data could not be loaded: not found, not permitted, or try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const i18n = useI18n();
  const status = isApiError(error) ? error.status : 0;
  const resultStatus = status === 404 ? '404' : status === 403 ? '403' : 'error';
  const title =
    status === 404
      ? i18n.t('common.notFound')
      : status === 403
        ? i18n.t('common.forbidden')
        : i18n.t('common.loadFailed');
  return (
    <Result
      status={resultStatus}
      title={title}
      subTitle={describeError(error, i18n)}
      extra={
        onRetry && status !== 404 && status !== 403 ? (
          <Button type="primary" onClick={onRetry}>
            {i18n.t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
