import { defineErrors } from '../shared/errors.js';

export const DashboardErrors = defineErrors({
  JF_DASHBOARD_NO_DIVISION: {
    status: 400,
    message: { zh: '行政区划代码{code}不是辽宁省的省、市或县级区划', en: '{code} is not Liaoning, or a city or county of it (GB/T 2260)' },
  },
});
