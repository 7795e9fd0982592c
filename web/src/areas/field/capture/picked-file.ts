import { maxUploadBytes, type TUploadMediaType, uploadMediaTypes } from '../../../api/field.ts';

/** A photo or video the officer picked, before it goes to the outbox. */
export type PickedFile = { key: string; file: File; name: string; mediaType: TUploadMediaType };

const byExtension: Record<string, TUploadMediaType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
};

function isTaken(type: string): type is TUploadMediaType {
  return (uploadMediaTypes as readonly string[]).includes(type);
}

/** The file's media type as the server names it, from the browser's type or else its extension. */
export function mediaTypeOf(file: File): TUploadMediaType | null {
  if (isTaken(file.type)) return file.type;
  if (file.type && file.type !== 'application/octet-stream') return null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return byExtension[extension] ?? null;
}

const maxNameLength = 120;

/** The name the server keeps: at most 120 characters, the extension kept. */
export function uploadName(file: File, index: number): string {
  const name = file.name.trim() || `photo-${index + 1}`;
  if (name.length <= maxNameLength) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return `${name.slice(0, maxNameLength - extension.length)}${extension}`;
}

export type PickProblem = { kind: 'type' | 'size' | 'empty'; name: string };

/** Sorts the files picked into those taken and those not (an unknown type, too large). */
export function checkPicked(
  files: File[],
  startIndex: number,
): { taken: PickedFile[]; problems: PickProblem[] } {
  const taken: PickedFile[] = [];
  const problems: PickProblem[] = [];
  files.forEach((file, i) => {
    const mediaType = mediaTypeOf(file);
    if (!mediaType) problems.push({ kind: 'type', name: file.name });
    else if (file.size === 0) problems.push({ kind: 'empty', name: file.name });
    else if (file.size > maxUploadBytes) problems.push({ kind: 'size', name: file.name });
    else
      taken.push({
        key: `${Date.now()}-${startIndex + i}-${file.name}`,
        file,
        name: uploadName(file, startIndex + i),
        mediaType,
      });
  });
  return { taken, problems };
}
