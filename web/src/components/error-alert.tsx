import { Alert } from 'antd';
import { useI18n } from '../i18n/index.ts';
import { describeError } from './error-text.ts';

type ErrorAlertProps = { error: unknown; extraMessages?: string[]; title?: string };

/** A server error in plain words, with the messages that belong to no single field listed below. */
export function ErrorAlert({ error, extraMessages = [], title }: ErrorAlertProps) {
  const i18n = useI18n();
  if (!error && extraMessages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title ?? (error ? describeError(error, i18n) : i18n.t('common.checkForm'))}
      description={
        extraMessages.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {extraMessages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
