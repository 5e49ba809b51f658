import { defineErrors } from '../shared/errors.js';

/**
 * The vault's error catalogue. Every refusal a rule of the regulation makes
 * carries its citation; the message says the reason in both languages.
 */
export const VaultErrors = defineErrors({
  // Store and ingest (art 23 ¶1: 采取技术手段…保障信息安全).
  JF_VAULT_UNKNOWN_SYSTEM: { status: 422, message: { zh: '技防系统{systemId}未登记，不能接收其采获信息', en: 'Security system {systemId} is not on record; its captured information cannot be taken in' } },
  JF_VAULT_UNKNOWN_DEVICE: { status: 422, message: { zh: '设备{deviceId}不属于技防系统{systemId}', en: 'Device {deviceId} does not belong to security system {systemId}' } },
  JF_VAULT_TRUNCATED: { status: 400, message: { zh: '上传不完整：应为{expected}字节，收到{received}字节；未保存任何内容，可重试', en: 'The upload is incomplete: {expected} bytes expected, {received} received; nothing was kept, you may retry' } },
  JF_VAULT_DIGEST_MISMATCH: { status: 400, message: { zh: '文件摘要不符：声明为{expected}，实际为{actual}；未保存任何内容', en: 'The file digest does not match: {expected} declared, {actual} received; nothing was kept' } },
  JF_VAULT_BAD_TIME_SPAN: { status: 400, message: { zh: '采集时间段无效：{reason}', en: 'Invalid capture time span: {reasonEn}' } },
  JF_VAULT_EMPTY: { status: 400, message: { zh: '上传内容为空', en: 'The upload is empty' } },
  JF_VAULT_SEGMENT_NOT_FOUND: { status: 404, message: { zh: '未找到采获信息{id}', en: 'Captured information {id} not found' } },
  JF_VAULT_SEGMENT_ERASED: { status: 410, message: { zh: '采获信息{id}已依法消除', en: 'Captured information {id} has been lawfully erased' } },

  // Retention (art 23 ¶2).
  JF_VAULT_RETENTION_MINIMUM: {
    status: 409,
    message: {
      zh: '采获信息留存时间不得少于{days}日，{until}前不得{action}（任何人均不得）',
      en: 'Captured information must be kept for at least {days} days; it cannot be {actionEn} before {until}, whoever asks',
    },
    citation: { article: 23, paragraph: 2 },
  },
  JF_VAULT_HELD: {
    status: 409,
    message: { zh: '公安机关已要求提取（保全{holdId}），不得{action}', en: 'The police have asked to extract this (hold {holdId}); it cannot be {actionEn}' },
    citation: { article: 23, paragraph: 2 },
  },
  JF_VAULT_ALREADY: { status: 409, message: { zh: '采获信息{id}已{state}', en: 'Captured information {id} is already {stateEn}' } },
  JF_VAULT_KEEP_DAYS_BELOW_MINIMUM: {
    status: 400,
    message: { zh: '留存天数{keepDays}少于法定最低留存期{days}日', en: 'Keeping for {keepDays} days is below the minimum of {days} days' },
    citation: { article: 23, paragraph: 2 },
  },

  // Art 22: what has no path.
  JF_VAULT_ALTER_FORBIDDEN: {
    status: 403,
    message: { zh: '不得删改、隐匿采获信息；本平台不提供修改采获信息内容的途径', en: 'Captured information may not be altered or hidden; the platform has no way to change its content' },
    citation: { article: 22, item: 3 },
  },
  JF_VAULT_NO_GRANT: {
    status: 403,
    message: { zh: '没有依法取得的查看、复制授权，不得{action}采获信息', en: 'Without a lawful grant, captured information cannot be {actionEn}' },
  },
  JF_VAULT_OUTSIDE_SCOPE: {
    status: 403,
    message: { zh: '超出授权范围：{reason}', en: 'Outside the granted scope: {reasonEn}' },
  },
  JF_VAULT_GRANT_EXPIRED: {
    status: 403,
    message: { zh: '授权已于{until}到期', en: 'The grant expired at {until}' },
    citation: { article: 24, paragraph: 1, item: 4 },
  },
  JF_VAULT_PURPOSE_NOT_GRANTED: {
    status: 403,
    message: { zh: '授权的用途不包括{purpose}', en: 'The grant does not include {purposeEn}' },
  },
  JF_VAULT_TICKET_INVALID: { status: 403, message: { zh: '播放凭证无效或已过期，请重新打开', en: 'The playback ticket is invalid or has expired; open the recording again' } },

  // Art 24 ¶1.
  JF_VAULT_ORGAN_NO_POWER: {
    status: 403,
    message: { zh: '{organ}不具有法定刑事侦查权或公共突发事件事故调查权', en: 'A {organEn} has neither criminal investigation power nor power to investigate public emergencies' },
    citation: { article: 24, paragraph: 1 },
  },
  JF_VAULT_SAME_OFFICER: {
    status: 409,
    message: { zh: '工作人员不得少于两人：同一账号或同一工作证件不能算作两人', en: 'At least two officers are required: one account or one work ID cannot count as two' },
    citation: { article: 24, paragraph: 1, item: 1 },
  },
  JF_VAULT_TOO_FEW_OFFICERS: {
    status: 409,
    message: { zh: '工作人员不得少于两人：已确认{count}人', en: 'At least two officers are required: {count} confirmed' },
    citation: { article: 24, paragraph: 1, item: 1 },
  },
  JF_VAULT_NOT_A_PARTY: { status: 403, message: { zh: '您不是该申请的当事人', en: 'You are not a party to this request' } },
  JF_VAULT_CONFIDENTIALITY_REQUIRED: {
    status: 400,
    message: { zh: '须承诺承担保密义务', en: 'The confidentiality duty must be accepted' },
    citation: { article: 24, paragraph: 1, item: 4 },
  },
  JF_VAULT_CREDENTIALS_UNCHECKED: {
    status: 400,
    message: { zh: '登记前须查验单位证明和每名工作人员的工作证件', en: "The organ's certificate and each officer's work ID must be checked before registration" },
    citation: { article: 24, paragraph: 1, item: 2 },
  },
  JF_VAULT_SCOPE_TOO_LONG: { status: 400, message: { zh: '授权期限不得超过{days}日', en: 'A grant may last at most {days} days' }, citation: { article: 24, paragraph: 1, item: 4 } },
  JF_VAULT_WINDOW_OUTSIDE_RETENTION: {
    status: 422,
    message: { zh: '所请求的时间段不在留存范围内：{reason}', en: 'The requested time window is outside what is kept: {reasonEn}' },
    citation: { article: 23, paragraph: 2 },
  },
  JF_VAULT_MIXED_UNITS: { status: 400, message: { zh: '一份申请只能涉及同一采获单位的技防系统', en: 'One request may cover the systems of one capturing unit only' }, citation: { article: 24, paragraph: 1, item: 3 } },
  JF_VAULT_BAD_STATE: { status: 409, message: { zh: '当前状态“{state}”下不能{action}', en: 'Cannot {actionEn} in state "{state}"' } },

  // Art 24 ¶2.
  JF_VAULT_EMERGENCY_ORGAN: {
    status: 403,
    message: { zh: '紧急情况下只有公安机关、国家安全机关可以直接使用技防系统', en: 'Only public security and state security organs may use a system directly in an emergency' },
    citation: { article: 24, paragraph: 2 },
  },
  JF_VAULT_NOT_SUPERIOR: { status: 403, message: { zh: '紧急使用须由上级审查，且审查人不能是使用人本人', en: 'An emergency use is reviewed by a superior, never by the user themselves' }, citation: { article: 24, paragraph: 2 } },

  // Art 25 ¶1.
  JF_VAULT_RESIDENT_ID: { status: 400, message: { zh: '居民身份证号码无效（GB 11643 {problem}）', en: 'Invalid resident ID number (GB 11643 {problem})' }, citation: { article: 25, paragraph: 1, item: 1 } },
  JF_VAULT_ID_MISMATCH: { status: 409, message: { zh: '所出示的居民身份证号码与申请不符', en: 'The resident ID shown does not match the application' }, citation: { article: 25, paragraph: 1, item: 1 } },
  JF_VAULT_REASONS_REQUIRED: { status: 400, message: { zh: '须说明理由', en: 'Reasons are required' } },
  JF_VAULT_RESTRICTED_EXCLUDED: {
    status: 403,
    message: { zh: '涉及国家秘密、国家安全的采获信息不得申请查看', en: 'Captured information involving state secrets or national security cannot be applied for' },
    citation: { article: 25, paragraph: 1 },
  },
  JF_VAULT_DOCUMENT_INVALID: {
    status: 403,
    message: { zh: '查看采获信息文书编号或验证码无效', en: 'The viewing document number or verification code is not valid' },
    citation: { article: 25, paragraph: 1, item: 2 },
  },
  JF_VAULT_DOCUMENT_EXPIRED: { status: 403, message: { zh: '查看采获信息文书已于{until}失效', en: 'The viewing document expired at {until}' }, citation: { article: 25, paragraph: 1, item: 2 } },
  JF_VAULT_PRIVACY_SCREENING: {
    status: 400,
    message: { zh: '须确认已排除涉及他人隐私的内容', en: "It must be confirmed that content concerning others' privacy is excluded" },
    citation: { article: 25, paragraph: 1 },
  },
  JF_VAULT_SCOPE_MISSING: { status: 400, message: { zh: '批准前须确定所涉技防系统', en: 'The systems concerned must be set before approval' }, citation: { article: 25, paragraph: 1, item: 4 } },
  JF_VAULT_NOT_STATION: { status: 403, message: { zh: '须由申请人当地的公安派出所办理', en: "The applicant's local police station handles this" }, citation: { article: 25, paragraph: 1, item: 1 } },

  // Art 25 ¶2.
  JF_VAULT_BURDEN_REQUIRED: {
    status: 400,
    message: { zh: '调取证据须由负有举证责任一方书面申请并出具有效证明', en: 'Evidence is retrieved on the written application of the party bearing the burden of proof, with valid proof' },
    citation: { article: 25, paragraph: 2 },
  },
  JF_VAULT_FORMALITIES_REQUIRED: {
    status: 409,
    message: { zh: '须经公安机关备案并出具手续后方可调取', en: 'Evidence can be retrieved only after the police have recorded the application and issued the formalities' },
    citation: { article: 25, paragraph: 2 },
  },
});

export type VaultErrorCode = keyof typeof VaultErrors;
