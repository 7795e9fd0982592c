import type { ThemeConfig } from 'antd';

/** Calm court navy, compact enough for a full day of tables and forms. */
export const siderBackground = '#10233f';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    borderRadius: 6,
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
