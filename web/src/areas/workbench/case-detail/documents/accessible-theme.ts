import type { ThemeConfig } from 'antd';
import { publicTheme } from '../../../../app/theme.ts';

/**
 * The documents and dossier tabs meet WCAG 2.1 AA (their journey audits them): the public sites'
 * darker secondary text and status colours, and placeholders darkened to 4.5:1 as well. Nested
 * in the workbench's theme, it changes only these tokens.
 */
export const accessibleTheme: ThemeConfig = {
  token: { ...publicTheme.token, colorTextPlaceholder: '#6b6b6b' },
};
