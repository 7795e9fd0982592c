import { FilePdfOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { attachmentUrl, isImageAttachment, type TPartyRequest } from '../../../../api/party-requests.ts';
import { useI18n } from '../../../../i18n/index.ts';

/** The files a party sent with a request: photos as thumbnails (opening a preview), PDFs as links. */
export function RequestAttachments({ caseId, request }: { caseId: string; request: TPartyRequest }) {
  const { t } = useI18n();
  if (request.attachments.length === 0) return null;
  const images = request.attachments.filter(isImageAttachment);
  const others = request.attachments.filter((attachment) => !isImageAttachment(attachment));
  return (
    <Flex vertical gap={8} style={{ marginBottom: 8 }} data-testid="party-request-attachments">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((attachment) => (
              <Image
                key={attachment.id}
                src={attachmentUrl(caseId, request.id, attachment.id)}
                alt={attachment.name}
                width={96}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #e5e8ee' }}
                data-testid="party-request-image"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {others.map((attachment) => (
        <Typography.Link
          key={attachment.id}
          href={attachmentUrl(caseId, request.id, attachment.id)}
          target="_blank"
          rel="noopener"
        >
          <FilePdfOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {attachment.name}
          <span className="visually-hidden">{t('partyRequests.opensNewTab')}</span>
        </Typography.Link>
      ))}
    </Flex>
  );
}
