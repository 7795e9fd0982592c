import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import type { FieldOfficer } from '../field-case.ts';
import { useFieldText } from '../use-field-text.ts';

export function TeamBlock({ team }: { team: FieldOfficer[] }) {
  const text = useFieldText();
  const { t } = useI18n();
  return (
    <Card size="small" title={text('field.case.team')}>
      {team.length === 0 ? (
        <Typography.Text type="secondary">{text('field.case.noTeam')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap data-testid="field-team">
          {team.map((o) => (
            <Tag key={o.id} style={{ marginInlineEnd: 0, fontSize: 14, padding: '2px 8px' }}>
              {o.name}
              <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                {t(`role.${o.seat}`)}
              </Typography.Text>
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
