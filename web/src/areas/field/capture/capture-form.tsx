import { AimOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { maxRecordOfficers } from '../../../api/field.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { serverNow } from '../../../lib/server-clock.ts';
import { type FieldCase, firstAddress } from '../field-case.ts';
import { useFieldSync } from '../field-sync.tsx';
import { useFieldText } from '../use-field-text.ts';
import type { PickedFile } from './picked-file.ts';
import { PickedFiles } from './picked-files.tsx';
import { PositionLine } from './position-line.tsx';
import { saveToOutbox } from './save-record.ts';
import { usePosition } from './use-position.ts';

type Values = { address: string; note: string; officerIds: string[] };

/**
 * The on-site record: stamped with the time (the server's clock as this device last knew it) and
 * the GPS position when it is begun; the place, what was found, who was there, photos and video.
 * Saved to the outbox on the device first, then synced.
 */
export function CaptureForm({ fieldCase, onDone }: { fieldCase: FieldCase; onDone: () => void }) {
  const text = useFieldText();
  const { t } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const sync = useFieldSync();
  const [form] = Form.useForm<Values>();
  const { position, locate } = usePosition();
  const [capturedAt, setCapturedAt] = useState(() => serverNow().toISOString());
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [isSaving, setIsSaving] = useState(false);

  const relocate = () => {
    setCapturedAt(serverNow().toISOString());
    locate();
  };

  const save = async (values: Values) => {
    setIsSaving(true);
    try {
      const where =
        position.status === 'located'
          ? { latitude: position.latitude, longitude: position.longitude, accuracyM: position.accuracyM }
          : {};
      await saveToOutbox(user, {
        caseId: fieldCase.id,
        caseNumber: fieldCase.caseNumber,
        input: {
          capturedAt,
          ...where,
          address: values.address.trim(),
          note: values.note.trim(),
          officerIds: values.officerIds,
        },
        files,
      });
      message.success(text(navigator.onLine ? 'field.capture.saved' : 'field.capture.savedOffline'));
      onDone();
      void sync();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      message.error(text('field.capture.saveFailed', { reason }));
    } finally {
      setIsSaving(false);
    }
  };

  const isMember = fieldCase.team.some((o) => o.id === user.id);
  return (
    <Card size="small" title={text('field.capture.title')} data-testid="field-capture">
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={isSaving}
        initialValues={{ address: firstAddress(fieldCase), note: '', officerIds: isMember ? [user.id] : [] }}
        onFinish={(values) => void save(values)}
        scrollToFirstError
      >
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text>
            <ClockCircleOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
            <Typography.Text type="secondary">
              {text('field.capture.time')}
              {text('field.colon')}
            </Typography.Text>
            <span className="tabular-nums" data-testid="field-captured-at">
              {formatDateTime(capturedAt)}
            </span>
          </Typography.Text>
          <Flex gap={8} align="center" justify="space-between" wrap>
            <PositionLine position={position} />
            <Button
              size="small"
              icon={<AimOutlined aria-hidden />}
              onClick={relocate}
              disabled={position.status === 'locating'}
            >
              {text('field.capture.relocate')}
            </Button>
          </Flex>
        </Flex>
        <Form.Item
          name="address"
          label={text('field.capture.address')}
          rules={[{ required: true, whitespace: true, message: text('field.capture.addressRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={200}
            data-testid="field-address-input"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={text('field.capture.note')}
          rules={[{ required: true, whitespace: true, message: text('field.capture.noteRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={4000}
            showCount
            placeholder={text('field.capture.notePlaceholder')}
            data-testid="field-note-input"
          />
        </Form.Item>
        <Form.Item
          name="officerIds"
          label={text('field.capture.officers')}
          extra={text('field.capture.officersHelp', { max: maxRecordOfficers })}
        >
          <Checkbox.Group data-testid="field-officers">
            <Flex vertical gap={6}>
              {fieldCase.team.map((o) => (
                <Checkbox key={o.id} value={o.id} disabled={o.id === user.id}>
                  {o.name}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                    {t(`role.${o.seat}`)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label={text('field.capture.files')}>
          <PickedFiles files={files} onChange={setFiles} />
        </Form.Item>
        <Flex gap={8} vertical>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={isSaving || position.status === 'locating'}
            data-testid="field-save"
          >
            {isSaving
              ? text('field.capture.saving')
              : position.status === 'locating'
                ? text('field.capture.locating')
                : text('field.capture.save')}
          </Button>
          <Button block onClick={onDone} disabled={isSaving}>
            {text('field.capture.cancel')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
