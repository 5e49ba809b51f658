import type { Instrument } from './types.js';

/**
 * 公共安全视频图像信息系统管理条例 (国务院令第799号). Registered so that rules
 * can cite it by id; its text is not held here.
 */
export const GWY_799_2025: Instrument = {
  id: 'gwy-799-2025',
  title: {
    zh: '公共安全视频图像信息系统管理条例（国务院令第799号）',
    en: 'Regulations on the Administration of Public Security Video Image Information Systems (State Council Decree No. 799)',
  },
  citedAs: { zh: '《公共安全视频图像信息系统管理条例》', en: 'State Council Decree No. 799' },
  inForce: '2025-04-01',
  level: 'national-administrative-regulation',
  textAvailable: false,
  chapters: [],
  articles: [],
  note: {
    zh: '本平台未收录该条例条文；规则模块引用其条款时自行注明出处。',
    en: 'The text of these Regulations is not held by the platform; the rules module cites their provisions with its own reference.',
  },
};
