import { Card, Checkbox, Col, Form, Radio, Row, Select } from 'antd';
import { caseTypes, yuanToFen } from '../../../../../src/kernel/index.ts';
import { caseFlags, triages } from '../../../api/cases.ts';
import { useTeams } from '../../../api/identity.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { MoneyText } from '../../../components/money-text.tsx';
import { YuanInput } from '../../../components/yuan-input.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useCaseTypeLabel } from '../code-labels.ts';
import { claimRule } from './field-rules.ts';

/** Case type, claim, triage, special flags and (optionally) the team. */
export function CaseInfoFields() {
  const { t } = useI18n();
  const caseTypeLabel = useCaseTypeLabel();
  const user = useCurrentUser();
  const form = Form.useFormInstance();
  const claim = Form.useWatch('claimAmountYuan', form);
  const claimFen = yuanToFen(claim);
  const teams = useTeams(user.court.id);

  return (
    <Card title={t('filing.caseInfo')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="caseType" label={t('filing.caseType')} rules={[{ required: true }]}>
            <Select
              popupMatchSelectWidth={false}
              options={caseTypes.map((value) => ({ value, label: caseTypeLabel(value) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            name="claimAmountYuan"
            label={t('filing.claim')}
            rules={[claimRule(t)]}
            extra={claimFen ? <MoneyText fen={claimFen} type="secondary" /> : t('filing.claimHint')}
          >
            <YuanInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="triage" label={t('filing.triage')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: '', label: t('filing.triageUndecided') },
                ...triages.map((value) => ({ value, label: t(`triage.${value}`) })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            name="teamId"
            label={t('filing.team')}
            extra={teams.isError ? t('filing.teamUnavailable') : undefined}
          >
            <Select
              allowClear
              placeholder={t('filing.teamLater')}
              loading={teams.isPending}
              disabled={teams.isError}
              options={(teams.data?.items ?? []).map((team) => ({
                value: team.id,
                label: team.judge ? `${team.name} · ${team.judge.displayName}` : team.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="flags" label={t('filing.flags')} style={{ marginBottom: 0 }}>
            <Checkbox.Group options={caseFlags.map((value) => ({ value, label: t(`flag.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
