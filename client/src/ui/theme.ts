import type { NutCSSVariables } from '@nutui/nutui-react-taro/dist/es/packages/configprovider';

/** Party red, and text sizes an older member can read without glasses (base ≥ 16px). */
export const PARTY_RED = '#c8161d';

export const theme: Partial<Record<NutCSSVariables, string>> = {
  nutuiColorPrimary: PARTY_RED,
  nutuiColorPrimaryStop1: PARTY_RED,
  nutuiColorPrimaryStop2: '#d93a2b',
  nutuiColorPrimaryPressed: '#a51218',
  nutuiColorPrimaryDisabled: '#e8a3a6',
  nutuiColorPrimaryIcon: PARTY_RED,
  nutuiColorTitle: '#1f1f1f',
  nutuiColorText: '#333333',
  nutuiColorTextHelp: '#666666',
  nutuiFontSizeS: '15px',
  nutuiFontSizeBase: '16px',
  nutuiFontSizeL: '18px',
  nutuiFontSizeXl: '20px',
  nutuiButtonDefaultFontSize: '16px',
  nutuiButtonLargeFontSize: '18px',
  nutuiButtonLargeHeight: '48px',
  nutuiButtonSmallFontSize: '15px',
  nutuiInputFontSize: '17px',
};
