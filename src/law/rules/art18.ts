import { decide, defineRule, each } from './rule.js';

/**
 * @see art 18: 省、市公安机关收到备案材料后，应当及时将备案单位名录向社会公布。
 * GAP(art 18): "及时" sets no number of days, so an unpublished filing is an
 * open duty, never a violation by lapse of time.
 */
export const publishFiledProviders = defineRule<{ published?: boolean }>({
  id: 'art18.publish-filed-providers',
  citation: { article: 18 },
  kind: 'obligation',
  title: { zh: '及时公布备案单位名录', en: 'Publish the list of filed providers promptly' },
  subjects: (s) => each(s.providers, 'providers', (p) => (p.filing?.status === 'filed' ? { published: p.filing.published } : undefined)),
  evaluate: (f) =>
    f.published === true
      ? decide.compliant('已列入向社会公布的备案单位名录', 'On the published list of filed providers')
      : decide.obligation('公安机关收到备案材料后，应当及时将备案单位名录向社会公布', 'Having received the filing, the police must promptly publish the provider on the list'),
});

export const ART18_RULES = [publishFiledProviders];
