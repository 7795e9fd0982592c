import type { ThemeConfig } from 'antd';
import { publicTheme } from '../../app/theme.ts';

/**
 * The service pages meet WCAG 2.1 AA (their journey audits them): the public sites' darker status
 * colours for the visit and proposal tags, and placeholders darkened to 4.5:1.
 */
export const serviceTheme: ThemeConfig = {
  token: { ...publicTheme.token, colorTextPlaceholder: '#6b6b6b' },
};
