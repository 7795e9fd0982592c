import { AuditOutlined } from '@ant-design/icons';
import { Button, Col, ConfigProvider, Flex, Row } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TVisit, useVisits } from '../../api/service.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { serverToday } from '../../lib/server-clock.ts';
import { CurrentVisitCard } from './current-visit-card.tsx';
import { RegisterVisitCard } from './register-visit-card.tsx';
import { serviceTheme } from './theme.ts';
import { useServiceText } from './use-service-text.ts';
import { VisitLogCard } from './visit-log-card.tsx';
import './service.css';

/**
 * 执行事务中心 (seed 003 item 48): the bureau's counter — register the visitor and what they came for,
 * receive materials into the case and print the receipt, read the progress, book a meeting with the
 * judge; every visit in the day's log, counted.
 */
export function ServicePage() {
  const text = useServiceText();
  const user = useCurrentUser();
  const [day, setDay] = useState(serverToday);
  const [picked, setPicked] = useState<TVisit | null>(null);
  const visits = useVisits(day);
  // The picked visit as the log has it now (a receipt or a meeting added, the visit closed).
  const current = visits.data?.items.find((v) => v.id === picked?.id) ?? picked;

  return (
    <ConfigProvider theme={serviceTheme}>
      <PageHeader
        title={text('service.title')}
        subtitle={`${user.court.name} · ${text('service.subtitle')}`}
        extra={
          <Link to="/service/proposals">
            <Button icon={<AuditOutlined />} data-testid="service-proposals-link">
              {text('service.navProposals')}
            </Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <RegisterVisitCard
              onRegistered={(visit) => {
                setDay(visit.visitedOn);
                setPicked(visit);
              }}
            />
          </Col>
          <Col xs={24} xl={14}>
            <CurrentVisitCard visit={current} />
          </Col>
        </Row>
        <VisitLogCard on={day} onChangeDay={setDay} currentId={current?.id ?? null} onPick={setPicked} />
      </Flex>
    </ConfigProvider>
  );
}
