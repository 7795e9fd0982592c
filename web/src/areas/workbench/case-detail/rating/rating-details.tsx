import { Card, Col, Flex, Progress, Row, Table, Tag, Typography, theme } from 'antd';
import type { HTMLAttributes } from 'react';
import type { TCaseRating, TReason, TRespondentRating, TTrack } from '../../../../api/rating.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';

export const trackColor: Record<TTrack, string> = { simple: 'green', complex: 'volcano' };

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** A reason's points, green when they raise the score, red when they lower it. */
function Points({ points }: { points: number }) {
  const { token } = theme.useToken();
  const color = points > 0 ? token.colorSuccess : points < 0 ? token.colorError : token.colorTextSecondary;
  return (
    <Typography.Text strong className="tabular-nums" style={{ color }}>
      {signed(points)}
    </Typography.Text>
  );
}

/**
 * The rating in full: the score with its gauge against the threshold, ability and willingness,
 * the track and its reason, the reasons with their signed points from the base, the measures the
 * rating proposes, and each respondent's rating when there are several.
 */
export function RatingDetails({ rating: r }: { rating: TCaseRating }) {
  const { t, pick } = useI18n();
  const { token } = theme.useToken();
  const rated = r.respondents.find((p) => p.partyId === r.ratedPartyId);
  const scoreColor = r.isAbleToPay ? token.colorSuccess : token.colorWarning;

  return (
    <Flex vertical gap={16} data-testid="rating-details">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={8}>
          <Flex vertical align="center" gap={8}>
            <Progress
              type="dashboard"
              percent={r.score}
              strokeColor={scoreColor}
              format={() => (
                <span className="tabular-nums" data-testid="rating-score">
                  {r.score}
                </span>
              )}
              aria-label={t('rating.scoreLabel', { score: r.score })}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rating.threshold', { threshold: r.threshold })}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} md={16}>
          <Flex vertical gap={12}>
            <div>
              <Typography.Text>{t('rating.ability')}</Typography.Text>
              <Progress percent={r.ability} format={(p) => <span className="tabular-nums">{p}</span>} />
            </div>
            <div>
              <Typography.Text>{t('rating.willingness')}</Typography.Text>
              <Progress percent={r.willingness} format={(p) => <span className="tabular-nums">{p}</span>} />
            </div>
            <Typography.Text>{t('rating.trackReason', { reason: pick(r.trackReason) })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
              {rated ? `${t('rating.rated', { name: rated.name })} · ` : ''}
              {t('rating.ratedAt', { time: formatDateTime(r.ratedAt) })}
            </Typography.Text>
          </Flex>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('rating.reasons')} extra={t('rating.base', { base: r.base })}>
            <Table<TReason>
              rowKey="code"
              size="small"
              pagination={false}
              showHeader={false}
              dataSource={r.reasons}
              data-testid="rating-reasons"
              onRow={(reason): HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> => ({
                'data-testid': 'rating-reason',
                'data-points': String(reason.points),
              })}
              columns={[
                {
                  key: 'factor',
                  width: 72,
                  render: (_, reason) => <Tag>{t(`rating.factor.${reason.factor}`)}</Tag>,
                },
                { key: 'text', render: (_, reason) => pick(reason) },
                {
                  key: 'points',
                  width: 56,
                  align: 'end',
                  render: (_, reason) => <Points points={reason.points} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('rating.measures')}>
            {r.proposedMeasures.length === 0 ? (
              <Typography.Text type="secondary">{t('rating.noMeasures')}</Typography.Text>
            ) : (
              <Flex vertical gap={8} data-testid="rating-measures">
                {r.proposedMeasures.map((measure, index) => (
                  <Typography.Text key={measure.code}>
                    <span className="tabular-nums">{index + 1}. </span>
                    {pick(measure)}
                  </Typography.Text>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {r.respondents.length > 1 ? (
        <Card size="small" title={t('rating.respondents')}>
          <Table<TRespondentRating>
            rowKey="partyId"
            size="small"
            pagination={false}
            dataSource={r.respondents}
            columns={[
              { key: 'name', title: t('filing.respondents'), dataIndex: 'name' },
              {
                key: 'score',
                title: t('rating.score'),
                render: (_, p) => <span className="tabular-nums">{p.score}</span>,
              },
              { key: 'ability', title: t('rating.ability'), dataIndex: 'ability' },
              { key: 'willingness', title: t('rating.willingness'), dataIndex: 'willingness' },
              {
                key: 'track',
                title: t('rating.track'),
                render: (_, p) => <Tag color={trackColor[p.track]}>{t(`rating.track.${p.track}`)}</Tag>,
              },
            ]}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
