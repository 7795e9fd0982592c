import type { DownloadedFile } from '../api/client.ts';

/** How long a file's object URL is kept for the browser to finish saving or showing it. */
const keepUrlMs = 60_000;

/** Saves a fetched file as a download, under the name the server gave it. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), keepUrlMs);
}

/**
 * Shows a fetched file (a PDF) in a tab opened beforehand: the tab is opened while the click
 * still counts as the person's (a popup blocker would stop one opened after the download), and
 * shown the file once it has arrived. Without a tab (blocked), the file is saved instead.
 */
export function openTab(): Window | null {
  return window.open('', '_blank');
}

export function showFile(tab: Window | null, file: DownloadedFile): void {
  if (!tab || tab.closed) {
    saveFile(file);
    return;
  }
  const url = URL.createObjectURL(file.blob);
  tab.location.href = url;
  window.setTimeout(() => URL.revokeObjectURL(url), keepUrlMs);
}
