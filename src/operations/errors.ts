import { defineErrors } from '../shared/errors.js';

/** The operations error catalogue; refusals a rule of the regulation makes carry its citation. */
export const OperationsErrors = defineErrors({
  JF_OPS_UNKNOWN_SYSTEM: { status: 404, message: { zh: '未找到技防系统{systemId}', en: 'Security system {systemId} not found' } },
  JF_OPS_UNKNOWN_ALERT: { status: 404, message: { zh: '未找到告警{id}', en: 'Alert {id} not found' } },
  JF_OPS_GB_ID_TAKEN: { status: 409, message: { zh: '国标编码{gbId}已登记给其他系统或设备', en: 'GB/T 28181 id {gbId} is already registered to another system or device' } },
  JF_OPS_CASE_ALREADY_OPENED: { status: 409, message: { zh: '告警{id}已立案（事项{caseId}）', en: 'Alert {id} already has a case (item {caseId})' }, citation: { article: 21 } },
});
