import { defineErrors } from '../shared/errors.js';

/**
 * Errors of the workflows. Extra fields the answers carry (current state,
 * allowed transitions, the rule) are documented beside each.
 */
export const WorkflowErrors = defineErrors({
  /** 409 + `currentState`, `allowedTransitions`, `rule`. */
  JF_WF_ILLEGAL_TRANSITION: {
    status: 409,
    message: { zh: '当前状态“{state}”下不能进行“{transition}”', en: '"{transition}" cannot be taken in the current state "{state}"' },
  },
  /** 409 + `currentState`, `currentVersion`: another person acted first. */
  JF_WF_VERSION_CONFLICT: {
    status: 409,
    message: {
      zh: '该事项已被他人处理（当前版本 {current}，提交时为 {expected}），请刷新后重试',
      en: 'Someone else acted on this item first (now version {current}, you sent {expected}); reload and try again',
    },
  },
  /** 422 or 409 + `rule`: a rule of the regulation refuses the transition. */
  JF_WF_RULE_REFUSED: { status: 422, message: { zh: '{reason}', en: '{reason}' } },
  JF_WF_OUTSIDE_JURISDICTION: {
    status: 403,
    message: { zh: '该事项不在您的辖区（{jurisdiction}）内', en: 'This item is outside your jurisdiction ({jurisdiction})' },
    citation: { article: 6, paragraph: 1 },
  },
  JF_WF_NOT_YOUR_TRANSITION: {
    status: 403,
    message: { zh: '“{transition}”应由{party}进行', en: '"{transitionEn}" is for {partyEn} to take' },
  },
  JF_WF_UNKNOWN_TRANSITION: {
    status: 404,
    message: { zh: '“{machine}”没有名为“{transition}”的操作', en: '"{machine}" has no transition named "{transition}"' },
  },
  /** 422 + `attempt`: Art 29 — recorded for oversight. */
  JF_WF_ART29_FORBIDDEN: {
    status: 422,
    message: {
      zh: '公安机关实施备案公示、监督检查时不得收取费用或者谋取其他利益，不得指定产品和服务：{what}（此次尝试已记录）',
      en: 'The police may not charge fees or seek benefits, nor designate products or services, in filing and inspection: {what} (this attempt is recorded)',
    },
    citation: { article: 29 },
  },
  JF_WF_BACKDATED: {
    status: 422,
    message: {
      zh: '官方行为的时间由系统记录，不能填写过去的日期（{field}）；此次尝试已记录',
      en: 'The time of an official act is recorded by the system and cannot be backdated ({field}); this attempt is recorded',
    },
    citation: { article: 36, paragraph: 1, item: 4 },
  },
  JF_WF_ATTACHMENT_TOO_LARGE: { status: 413, message: { zh: '附件不能超过 {max} 字节', en: 'An attachment may not exceed {max} bytes' } },
});
