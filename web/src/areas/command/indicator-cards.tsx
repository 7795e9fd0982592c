import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Progress, Row, Tag, Tooltip, Typography } from 'antd';
import type { TIndicator, TIndicatorCode } from '../../api/command.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatPercent, formatTarget, toneColor, toneOf } from './labels.ts';

/**
 * The "3+1" core indicators of the court as four cards: the value against its target, the count
 * behind it, and the way to the cases that fail it.
 */
export function IndicatorCards({
  indicators,
  loading,
  onShowFailing,
}: {
  indicators: readonly TIndicator[];
  loading: boolean;
  onShowFailing: (code: TIndicatorCode) => void;
}) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="indicator-cards">
      {indicators.map((indicator) => (
        <Col key={indicator.code} xs={24} sm={12} xl={6}>
          <IndicatorCard indicator={indicator} loading={loading} onShowFailing={onShowFailing} />
        </Col>
      ))}
    </Row>
  );
}

function IndicatorCard({
  indicator,
  loading,
  onShowFailing,
}: {
  indicator: TIndicator;
  loading: boolean;
  onShowFailing: (code: TIndicatorCode) => void;
}) {
  const { t, pick } = useI18n();
  const tone = toneOf(indicator);
  const failing = indicator.denominator - indicator.numerator;
  const { window } = indicator;
  return (
    <Card
      size="small"
      loading={loading}
      style={{ height: '100%', borderTop: `3px solid ${toneColor[tone]}` }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6, height: '100%' } }}
      data-testid={`indicator-${indicator.code}`}
      data-numerator={indicator.numerator}
      data-denominator={indicator.denominator}
      data-tone={tone}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minHeight: 44 }}>
          {pick(indicator.label)}
        </Typography.Text>
        <Tag
          color={tone === 'met' ? 'success' : tone === 'missed' ? 'error' : 'default'}
          style={{ margin: 0 }}
        >
          {t(`command.tone.${tone}`)}
        </Tag>
      </Flex>
      <Flex align="baseline" justify="space-between" gap={8}>
        <span
          className="tabular-nums"
          style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.2, color: toneColor[tone] }}
          data-testid="indicator-value"
        >
          {formatPercent(indicator.value)}
        </span>
        <Typography.Text type="secondary" className="tabular-nums" data-testid="indicator-target">
          {t('command.target')} {formatTarget(indicator.target)}
        </Typography.Text>
      </Flex>
      <Progress
        percent={indicator.value === null ? 0 : Math.round(indicator.value * 1000) / 10}
        success={{ percent: 0 }}
        showInfo={false}
        size="small"
        strokeColor={toneColor[tone]}
      />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 'auto' }}>
        <Tooltip title={window ? t('command.window', { from: window.from, to: window.to }) : undefined}>
          <Typography.Text type="secondary" className="tabular-nums" data-testid="indicator-count">
            {t('command.count', { numerator: indicator.numerator, denominator: indicator.denominator })}
          </Typography.Text>
        </Tooltip>
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          disabled={failing <= 0}
          onClick={() => onShowFailing(indicator.code)}
          data-testid={`indicator-failing-${indicator.code}`}
        >
          {t('command.failingCount', { n: failing })}
          <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}
