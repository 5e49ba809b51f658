import { decide, defineRule, each } from './rule.js';

/** @see art 15: 在具有视频采集功能技防系统的覆盖区域，应当设置明显提示性的标识。标识的样式由省公安机关统一制定。 */
export const signageWhereVideoCaptured = defineRule<{ signagePresent?: boolean; signageProvincialStyle?: boolean }>({
  id: 'art15.signage-where-video-captured',
  citation: { article: 15 },
  kind: 'obligation',
  title: { zh: '视频采集覆盖区域设置提示标识', en: 'Signage where video is captured' },
  subjects: (s) =>
    each(s.devices, 'devices', (d) => (d.captures.includes('video') ? { signagePresent: d.signagePresent, signageProvincialStyle: d.signageProvincialStyle } : undefined)),
  evaluate: (f) => {
    if (f.signagePresent === false) {
      return decide.violation('视频采集覆盖区域未设置明显提示性的标识', 'No clear notice marks the area the video covers');
    }
    if (f.signagePresent === true && f.signageProvincialStyle === false) {
      return decide.violation('标识的样式应当采用省公安机关统一制定的样式', 'The notice must follow the style set by the provincial police');
    }
    if (f.signagePresent === true) return decide.compliant('已设置明显提示性的标识', 'A clear notice marks the covered area');
    return decide.obligation('视频采集覆盖区域应当设置省公安机关统一样式的明显提示性标识', 'The covered area must carry a clear notice in the style set by the provincial police');
  },
});

export const ART15_RULES = [signageWhereVideoCaptured];
