import { decide, defineRule, each } from './rule.js';

/** @see art 28: 从事技防系统设计、安装、维护及报警运营服务的单位，发生违法行为，或者因服务受到用户投诉，公安机关应当在查证属实后将其列入目录，向社会发布警示公告。 */
export const warningListForProviders = defineRule<{ violationVerified?: boolean; complaintVerified?: boolean; warningPublished?: boolean }>({
  id: 'art28.warning-list-for-providers',
  citation: { article: 28 },
  kind: 'procedure',
  title: { zh: '查证属实后列入目录并发布警示公告', en: 'Warning list once verified' },
  subjects: (s) =>
    each(s.providers, 'providers', (p) => ({ violationVerified: p.violationVerified, complaintVerified: p.complaintVerified, warningPublished: p.warningPublished })),
  evaluate: (f) => {
    if (f.violationVerified !== true && f.complaintVerified !== true) {
      return f.warningPublished === true
        ? decide.violation('违法行为或者投诉尚未查证属实，不得列入警示目录', 'Nothing has been verified: the provider may not be on the warning list')
        : decide.notApplicable('没有查证属实的违法行为或者投诉', 'No verified violation or complaint');
    }
    return f.warningPublished === true
      ? decide.compliant('已列入目录并向社会发布警示公告', 'On the list, and the warning is published')
      : decide.obligation('查证属实后，公安机关应当将其列入目录，向社会发布警示公告', 'Once verified, the police must put the provider on the list and publish a warning');
  },
});

export const ART28_RULES = [warningListForProviders];
