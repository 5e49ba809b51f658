import { isPrivatePlace, PRIVATE_PLACE_LABELS } from '../interpretations/private-places.js';
import { decide, defineRule, each } from './rule.js';

/**
 * @see art 14: 禁止在宾馆客房、集体宿舍的寝室、公共浴室、更衣室、卫生间以及针对居民住宅窗口、门口等涉及他人隐私的场所和部位安装、使用具有视（音）频采集功能的技防系统。
 * Nothing else in the facts can make such capture lawful.
 */
export const noCaptureInPrivatePlaces = defineRule<{ captures: string[]; placeKind: string }>({
  id: 'art14.no-capture-in-private-places',
  citation: { article: 14 },
  kind: 'prohibition',
  title: { zh: '禁止在涉及他人隐私的场所和部位采集视（音）频', en: 'No video or audio capture in private places' },
  sanction: { article: 33 },
  interpretations: ['art14.private-places'],
  subjects: (s) => each(s.devices, 'devices', (d) => ({ captures: d.captures, placeKind: d.placeKind })),
  evaluate: (f) => {
    const interpretations = f.placeKind === 'other_private_place' ? ['art14.private-places'] : [];
    if (f.captures.length === 0) return decide.notApplicable('该设备不采集视频或者音频', 'The device captures neither video nor audio');
    if (isPrivatePlace(f.placeKind)) {
      const place = PRIVATE_PLACE_LABELS[f.placeKind];
      return decide.violation(
        `禁止在${place.zh}安装、使用具有视（音）频采集功能的技防系统；依第三十三条责令拆除，拒不拆除的强制拆除`,
        `Installing or using a system that captures video or audio in a ${place.en} is forbidden; under art 33 removal is ordered, and enforced if refused`,
        { interpretations },
      );
    }
    return decide.compliant('所在场所不属于第十四条禁止采集的场所', 'The place is not one where art 14 forbids capture');
  },
});

export const ART14_RULES = [noCaptureInPrivatePlaces];
