import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type TRegisterBidder, useRegisterBidder } from '../../api/disposal.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { applyServerFieldErrors } from '../../lib/form-errors.ts';
import { useBidderSession } from './bidder-session.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** Where to go after registering: a page of the auction site only (never another site). */
function nextPathOf(value: string | null): string {
  return value && /^\/auction(\/[\w\-/%]*)?$/.test(value) ? value : '/auction/me';
}

/**
 * 竞买人实名登记: name, ID number and mobile number; the server checks the ID number (GB 11643) and
 * whether the person may bid at all, and names the field it refuses. The token it answers once is
 * kept in this browser (bidder-session.ts).
 */
export function RegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  useDocumentTitle(t('auction.register.title'));
  const [params] = useSearchParams();
  const next = nextPathOf(params.get('next'));
  const navigate = useNavigate();
  const { session, save, forget } = useBidderSession();
  const [form] = Form.useForm<TRegisterBidder>();
  const register = useRegisterBidder();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: TRegisterBidder) => {
    setUnplaced([]);
    const body = {
      name: values.name.trim(),
      idNumber: values.idNumber.trim().toUpperCase(),
      phone: values.phone.trim(),
    };
    register.mutate(body, {
      onSuccess: (answer) => {
        save({ id: answer.id, token: answer.token, name: body.name });
        message.success(t('auction.register.done'));
        navigate(next);
      },
      onError: (error) => {
        if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
      },
    });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 560, width: '100%', margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('auction.register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('auction.register.intro')}
      </Typography.Paragraph>
      {session ? (
        <Alert
          type="success"
          showIcon
          data-testid="register-already"
          title={t('auction.register.already', { name: session.name })}
          description={
            <Flex gap={12} wrap style={{ marginTop: 8 }}>
              <Button type="primary" onClick={() => navigate(next)}>
                {t(next === '/auction/me' ? 'auction.nav.me' : 'auction.join.backToLot')}
              </Button>
              <Popconfirm title={t('auction.register.forgetConfirm')} onConfirm={forget}>
                <Button>{t('auction.register.forget')}</Button>
              </Popconfirm>
            </Flex>
          }
        />
      ) : (
        <Card>
          <ErrorAlert error={register.error} extraMessages={unplaced} />
          <Form<TRegisterBidder>
            form={form}
            layout="vertical"
            onFinish={handleFinish}
            onValuesChange={() => {
              if (register.error) register.reset();
            }}
            data-testid="register-form"
          >
            <Form.Item
              name="name"
              label={t('auction.register.name')}
              rules={[{ required: true, whitespace: true, message: t('auction.register.nameRequired') }]}
            >
              <Input size="large" maxLength={50} autoComplete="name" data-testid="register-name" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('auction.register.idNumber')}
              rules={[
                { required: true, whitespace: true, message: t('auction.register.idNumberRequired') },
                { len: 18, message: t('auction.register.idNumberLength') },
              ]}
            >
              <Input
                size="large"
                maxLength={18}
                autoComplete="off"
                spellCheck={false}
                data-testid="register-id-number"
              />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('auction.register.phone')}
              rules={[
                { required: true, whitespace: true, message: t('auction.register.phoneRequired') },
                { pattern: /^1[3-9]\d{9}$/, message: t('auction.register.phoneInvalid') },
              ]}
            >
              <Input
                size="large"
                maxLength={11}
                inputMode="tel"
                autoComplete="tel"
                data-testid="register-phone"
              />
            </Form.Item>
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              block
              loading={register.isPending}
              data-testid="register-submit"
            >
              {t('auction.register.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
