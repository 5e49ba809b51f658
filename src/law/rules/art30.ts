import { decide, defineRule, each } from './rule.js';

/** @see art 30: 对利用采获信息为公安机关查处违法犯罪活动提供重要线索或者证据，以及利用技防系统制止犯罪活动的单位和个人，由公安机关给予表彰或者奖励。 */
export const commendationOrReward = defineRule<{ kind: string; important?: boolean }>({
  id: 'art30.commendation-or-reward',
  citation: { article: 30 },
  kind: 'permission',
  title: { zh: '表彰或者奖励', en: 'Commendation or reward' },
  subjects: (s) => each(s.contributions, 'contributions', (c) => ({ kind: c.kind, important: c.important })),
  evaluate: (f) => {
    if (f.kind === 'stopped_crime_with_system') return decide.allowed('利用技防系统制止犯罪活动，由公安机关给予表彰或者奖励', 'Stopping a crime with a system earns commendation or reward from the police');
    return f.important === true
      ? decide.allowed('利用采获信息提供重要线索或者证据，由公安机关给予表彰或者奖励', 'Important leads or evidence from captured information earn commendation or reward from the police')
      : decide.notApplicable('本条只对“重要”线索或者证据给予表彰奖励', 'The article rewards important leads or evidence only');
  },
});

export const ART30_RULES = [commendationOrReward];
