import { Alert, Collapse, Flex, Progress, Skeleton, Tag, Typography, theme } from 'antd';
import { useCaseRating } from '../../../../api/rating.ts';
import { describeError } from '../../../../components/error-text.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { RatingDetails, trackColor } from './rating-details.tsx';

/**
 * 履行能力评估 under the case's summary: one line with the score, able or not, and the track
 * (繁/简); opened, the reasons with their signed points and the measures the rating proposes.
 */
export function RatingCard({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const rating = useCaseRating(caseId);
  if (rating.isPending) return <Skeleton.Input active block style={{ marginBottom: 16 }} />;
  if (rating.isError)
    return (
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={describeError(rating.error, i18n)} />
    );
  const r = rating.data;
  const scoreColor = r.isAbleToPay ? token.colorSuccess : token.colorWarning;
  return (
    <Collapse
      style={{ marginBottom: 16, background: token.colorBgContainer }}
      data-testid="rating-card"
      items={[
        {
          key: 'rating',
          label: (
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{t('rating.title')}</Typography.Text>
              <Progress
                type="circle"
                size={28}
                percent={r.score}
                strokeColor={scoreColor}
                format={() => null}
                aria-hidden
              />
              <Typography.Text strong className="tabular-nums" data-testid="rating-summary-score">
                {t('rating.scoreLabel', { score: r.score })}
              </Typography.Text>
              <Tag color={r.isAbleToPay ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                {t(r.isAbleToPay ? 'rating.able' : 'rating.notAble')}
              </Tag>
              <Tag color={trackColor[r.track]} data-testid="rating-track" data-track={r.track}>
                {t('rating.trackIs', { track: t(`rating.track.${r.track}`) })}
              </Tag>
              <Typography.Text type="secondary">
                {t('rating.ability')} {r.ability} · {t('rating.willingness')} {r.willingness}
              </Typography.Text>
            </Flex>
          ),
          children: <RatingDetails rating={r} />,
        },
      ]}
    />
  );
}
