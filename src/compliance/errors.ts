import { defineErrors } from '../shared/errors.js';

export const ComplianceErrors = defineErrors({
  JF_COMPLIANCE_NOT_ASSESSABLE: {
    status: 404,
    message: { zh: '“{kind}”不是可评估的登记类别；可评估：{kinds}', en: '"{kind}" is not a registry the rules assess; they assess: {kinds}' },
  },
  JF_COMPLIANCE_NO_DIVISION: {
    status: 400,
    message: { zh: '行政区划代码{code}不是辽宁省的市或县级区划', en: '{code} is not a city or county of Liaoning (GB/T 2260)' },
  },
});
