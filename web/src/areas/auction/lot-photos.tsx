import { PictureOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import type { TPublicLot } from '../../api/disposal.ts';
import { useI18n } from '../../i18n/index.ts';

// A photo that cannot be loaded shows a plain grey frame instead of a broken image.
export const photoFallback = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" fill="#e9edf3"/></svg>',
)}`;

/** The lot's photos: the first large, the others as thumbnails; all open in one preview. */
export function LotPhotos({ lot }: { lot: TPublicLot }) {
  const { t } = useI18n();
  const [first, ...rest] = lot.photos;
  if (!first) {
    return (
      <Flex
        vertical
        align="center"
        justify="center"
        gap={8}
        style={{ aspectRatio: '4 / 3', background: '#e9edf3', borderRadius: 8, color: '#6b7a90' }}
      >
        <PictureOutlined style={{ fontSize: 40 }} aria-hidden />
        <Typography.Text type="secondary">{t('auction.card.noPhoto')}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Image.PreviewGroup>
      <Flex vertical gap={8}>
        <Image
          src={first.url}
          alt={first.caption || lot.title}
          width="100%"
          fallback={photoFallback}
          style={{ aspectRatio: '4 / 3', objectFit: 'cover', borderRadius: 8 }}
        />
        {rest.length > 0 ? (
          <Flex gap={8} wrap>
            {rest.map((photo) => (
              <Image
                key={photo.url}
                src={photo.url}
                alt={photo.caption || lot.title}
                width={96}
                fallback={photoFallback}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Image.PreviewGroup>
  );
}
