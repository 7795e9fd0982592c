import { Card, Flex, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { usePortalSession } from '../../../api/portal-session.ts';
import { useI18n } from '../../../i18n/index.ts';
import { nextPathOf } from '../require-portal.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { LawyerSignInForm } from './lawyer-sign-in-form.tsx';
import { PartySignInForm } from './party-sign-in-form.tsx';

/** 当事人服务 sign-in: a party by case number, ID number and SMS code; a lawyer by licence number. */
export function SignInPage() {
  const { t } = useI18n();
  useDocumentTitle(t('my.signIn.title'));
  const session = usePortalSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const next = nextPathOf(params.get('next'));
  const tab = params.get('as') === 'lawyer' ? 'lawyer' : 'party';

  useEffect(() => {
    if (session) navigate(next, { replace: true });
  }, [session, next, navigate]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 480, width: '100%', margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('my.signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('my.signIn.intro')}
      </Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (current) => {
                const updated = new URLSearchParams(current);
                if (key === 'lawyer') updated.set('as', 'lawyer');
                else updated.delete('as');
                return updated;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'party', label: t('my.signIn.tab.party'), children: <PartySignInForm /> },
            { key: 'lawyer', label: t('my.signIn.tab.lawyer'), children: <LawyerSignInForm /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
