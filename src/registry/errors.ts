import { defineErrors } from '../shared/errors.js';

export const RegistryErrors = defineErrors({
  JF_REGISTRY_IMPORT_REJECTED: {
    status: 400,
    message: { zh: '导入被拒绝：文件中有{count}处错误，未导入任何数据', en: 'Import rejected: the file has {count} problem(s); nothing was imported' },
  },
  JF_REGISTRY_IN_USE: {
    status: 409,
    message: { zh: '仍有其他登记引用此{what}（{refs}），不能删除', en: 'Other records still refer to this {whatEn} ({refsEn}); it cannot be deleted' },
  },
  JF_REGISTRY_CONSTRAINT: {
    status: 409,
    message: { zh: '与现有登记冲突，未保存', en: 'Conflicts with existing records; nothing was saved' },
  },
  JF_REGISTRY_EXPORT_TOO_LARGE: {
    status: 422,
    message: { zh: '共{count}行，超过Excel工作表上限{limit}行；请缩小筛选范围或导出CSV', en: '{count} rows exceed the {limit} rows an Excel sheet holds; narrow the filters or export CSV' },
  },
});
