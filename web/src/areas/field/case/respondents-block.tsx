import { CopyOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import type { FieldRespondent } from '../field-case.ts';
import { useFieldText } from '../use-field-text.ts';

/** A map search for the address (高德地图's public link; opens the app on a phone that has it). */
function mapLink(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`;
}

/** The respondents and where to find them: tap to copy the address, or open it on a map. */
export function RespondentsBlock({ respondents }: { respondents: FieldRespondent[] }) {
  const text = useFieldText();
  const { message } = App.useApp();
  const copy = async (address: string) => {
    try {
      await navigator.clipboard.writeText(address);
      message.success(text('field.case.copied'));
    } catch {
      message.warning(text('field.case.copyFailed'));
    }
  };
  return (
    <Card size="small" title={text('field.case.respondents')}>
      <ul className="field-list" style={{ gap: 10 }}>
        {respondents.map((p) => (
          <li key={p.id} data-testid="field-respondent">
            <Typography.Text strong>{p.name}</Typography.Text>
            {p.address ? (
              <Flex gap={8} align="center" justify="space-between" wrap style={{ marginTop: 4 }}>
                <Typography.Text data-testid="field-address" style={{ flex: '1 1 200px' }}>
                  {p.address}
                </Typography.Text>
                <Flex gap={8}>
                  <Button
                    size="small"
                    icon={<CopyOutlined aria-hidden />}
                    onClick={() => void copy(p.address ?? '')}
                  >
                    {text('field.case.copy')}
                  </Button>
                  <Button
                    size="small"
                    icon={<EnvironmentOutlined aria-hidden />}
                    href={mapLink(p.address)}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {text('field.case.map')}
                  </Button>
                </Flex>
              </Flex>
            ) : (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {text('field.card.noAddress')}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
