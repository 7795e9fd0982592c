import { Route, Routes } from 'react-router';
import { PortalPage } from './portal-page.tsx';
import { VerifyPage } from './verify/verify-page.tsx';

/** The public portal (`/portal`, no sign-in): the disclosure search, and the verification of documents. */
export function PortalSite() {
  return (
    <Routes>
      <Route path="verify" element={<VerifyPage />} />
      <Route path="verify/:id" element={<VerifyPage />} />
      <Route path="*" element={<PortalPage />} />
    </Routes>
  );
}
