import { Flex, Image } from 'antd';
import { uploadContentUrl } from '../../../../api/documents.ts';
import { useI18n } from '../../../../i18n/index.ts';

/** A file name a browser shows as a picture (the upload types: JPEG, PNG, WebP). */
export function isPhotoName(name: string): boolean {
  return /\.(jpe?g|png|webp)$/i.test(name);
}

/** Thumbnails of field-work photos, each opening full size (fetched with the staff session). */
export function DossierPhotos({ photos }: { photos: { id: string; name: string }[] }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={6} wrap role="group" aria-label={t('dossier.photos')} data-testid="dossier-photos">
        {photos.map((photo) => (
          <Image
            key={photo.id}
            src={uploadContentUrl(photo.id)}
            alt={t('dossier.photoAlt', { name: photo.name })}
            width={64}
            height={64}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
