import { onlineManager } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FieldCasePage } from './case/field-case-page.tsx';
import { FieldGuard } from './field-guard.tsx';
import { FieldLayout } from './field-layout.tsx';
import { FieldSyncProvider } from './field-sync.tsx';
import { FieldHomePage } from './home/field-home-page.tsx';
import { useFieldPwa } from './pwa.ts';
import './field.css';

/**
 * 移动执行 at `/field`: officers on site, on a phone first. Their open cases, a case's address and
 * team and field records, and new records captured with photos, video, time and GPS — kept on
 * the device (IndexedDB) and synced when there is a network. Installable (manifest.webmanifest),
 * and it opens offline (public/field-sw.js).
 */
export function FieldSite() {
  // The query client assumes a network until told otherwise; opened offline, it is told at once, so
  // it waits for the network and asks the server again the moment it is back.
  useState(() => onlineManager.setOnline(navigator.onLine));
  useFieldPwa();
  return (
    <FieldGuard>
      <FieldSyncProvider>
        <FieldLayout>
          <Routes>
            <Route index element={<FieldHomePage />} />
            <Route path="cases/:id" element={<FieldCasePage />} />
            <Route path="*" element={<Navigate to="/field" replace />} />
          </Routes>
        </FieldLayout>
      </FieldSyncProvider>
    </FieldGuard>
  );
}
