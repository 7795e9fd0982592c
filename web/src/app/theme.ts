import type { ThemeConfig } from 'antd';

/** Calm court navy, compact enough for a full day of tables and forms. */
export const siderBackground = '#10233f';

/**
 * WCAG 2.1 AA (GB/T 37668) for text everywhere: antd's secondary and tertiary text (45% black,
 * 3.4:1 on white) darkened to at least 4.5:1.
 */
const readableText = {
  colorTextSecondary: '#595959',
  colorTextTertiary: '#616161',
  colorTextDescription: '#616161',
} as const;

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    borderRadius: 6,
    ...readableText,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: {
      siderBg: siderBackground,
      triggerBg: '#0b1a30',
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
    },
    Menu: { darkItemBg: siderBackground, darkSubMenuItemBg: '#0b1a30', darkItemSelectedBg: '#1d4f91' },
    Table: { headerBg: '#f5f7fa' },
  },
};

/**
 * The public sites (portal, party portal) also darken antd's status colours as text on their
 * light backgrounds (green 2:1, red 3:1) to at least 4.5:1.
 */
export const publicTheme: ThemeConfig = {
  token: {
    ...readableText,
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorError: '#c41d24',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
  },
};
