import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import type { DownloadedFile } from '../api/client.ts';
import { describeError } from '../components/error-text.ts';
import { useI18n } from '../i18n/index.ts';
import { saveFile } from './save-file.ts';

type Download = { key: string; fetchFile: () => Promise<DownloadedFile> };

/**
 * Downloads a file fetched with the page's credential (a document, an archive): saved under the
 * server's name, or a refusal shown in plain words. `pendingKey` names the download under way.
 */
export function useFileDownload() {
  const i18n = useI18n();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: ({ fetchFile }: Download) => fetchFile(),
    onSuccess: saveFile,
    onError: (error) => message.error(describeError(error, i18n)),
  });
  return {
    download: (key: string, fetchFile: () => Promise<DownloadedFile>) => mutation.mutate({ key, fetchFile }),
    pendingKey: mutation.isPending ? mutation.variables?.key : undefined,
  };
}
