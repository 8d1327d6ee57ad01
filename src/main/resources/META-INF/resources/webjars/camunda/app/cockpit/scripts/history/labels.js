// Chinese labels for the codes that history holds (outcomes, counties, activity types, ...). The
// application's own codes come from the shared dictionary (/common/dictionary.json); the engine's
// (activity and operation types, ...) are kept here.

import {DICTIONARY} from '../../../../../common/readable.js';

export const CERTIFICATION_KEY = 'maker-space-certification';
export const SUPERVISION_KEY = 'maker-space-supervision';

export const OUTCOMES = DICTIONARY.outcome || {};

/** Outcomes each process can end with (the filter offers these). */
export const OUTCOMES_BY_PROCESS = {
  [CERTIFICATION_KEY]: ['CERTIFIED', 'REJECTED', 'WITHDRAWN', 'NOT_ACCEPTED', 'LAPSED'],
  [SUPERVISION_KEY]: ['REVOKED', 'EXPIRED']
};

export const COUNTIES = DICTIONARY.county || {};

export const REVOCATION_REASONS = DICTIONARY.revocationReason || {};

export const INSTANCE_STATES = {
  ACTIVE: '运行中',
  SUSPENDED: '已挂起',
  COMPLETED: '已结束',
  EXTERNALLY_TERMINATED: '已终止（外部）',
  INTERNALLY_TERMINATED: '已终止（内部）'
};

export const ACTIVITY_TYPES = {
  startEvent: '开始事件',
  messageStartEvent: '消息开始事件',
  timerStartEvent: '定时开始事件',
  errorStartEvent: '错误开始事件',
  signalStartEvent: '信号开始事件',
  conditionalStartEvent: '条件开始事件',
  escalationStartEvent: '升级开始事件',
  compensationStartEvent: '补偿开始事件',
  noneEndEvent: '结束事件',
  endEvent: '结束事件',
  errorEndEvent: '错误结束事件',
  terminateEndEvent: '终止结束事件',
  messageEndEvent: '消息结束事件',
  signalEndEvent: '信号结束事件',
  escalationEndEvent: '升级结束事件',
  cancelEndEvent: '取消结束事件',
  compensationEndEvent: '补偿结束事件',
  userTask: '用户任务',
  serviceTask: '服务任务',
  businessRuleTask: '业务规则任务',
  scriptTask: '脚本任务',
  sendTask: '发送任务',
  receiveTask: '接收任务',
  manualTask: '手工任务',
  task: '任务',
  callActivity: '调用活动',
  subProcess: '子流程',
  eventSubProcess: '事件子流程',
  transaction: '事务子流程',
  multiInstanceBody: '多实例',
  exclusiveGateway: '排他网关',
  inclusiveGateway: '包容网关',
  parallelGateway: '并行网关',
  eventBasedGateway: '事件网关',
  complexGateway: '复杂网关',
  intermediateTimer: '定时中间事件',
  intermediateMessageCatch: '消息中间捕获事件',
  intermediateSignalCatch: '信号中间捕获事件',
  intermediateConditional: '条件中间事件',
  intermediateLinkCatch: '链接中间事件',
  intermediateNoneThrowEvent: '中间抛出事件',
  intermediateMessageThrowEvent: '消息中间抛出事件',
  intermediateSignalThrow: '信号中间抛出事件',
  intermediateEscalationThrowEvent: '升级中间抛出事件',
  intermediateCompensationThrowEvent: '补偿中间抛出事件',
  boundaryTimer: '定时边界事件',
  boundaryMessage: '消息边界事件',
  boundarySignal: '信号边界事件',
  boundaryError: '错误边界事件',
  boundaryEscalation: '升级边界事件',
  boundaryConditional: '条件边界事件',
  boundaryCompensation: '补偿边界事件',
  cancelBoundaryCatch: '取消边界事件'
};

export const OPERATION_TYPES = {
  Create: '创建',
  Claim: '认领',
  Assign: '指派',
  Delegate: '委托',
  Resolve: '办结委托',
  Complete: '完成',
  Delete: '删除',
  SetOwner: '设置负责人',
  SetPriority: '设置优先级',
  Update: '更新',
  AddUserLink: '添加用户关联',
  DeleteUserLink: '删除用户关联',
  AddGroupLink: '添加候选组',
  DeleteGroupLink: '删除候选组',
  AddAttachment: '添加附件',
  DeleteAttachment: '删除附件',
  SetVariable: '设置变量',
  SetVariables: '设置变量',
  ModifyVariable: '修改变量',
  RemoveVariable: '删除变量',
  DeleteVariable: '删除变量',
  DeleteHistory: '删除历史',
  Suspend: '挂起',
  Activate: '激活',
  SuspendJob: '挂起作业',
  ActivateJob: '激活作业',
  SetJobRetries: '设置作业重试次数',
  SetDueDate: '设置到期时间',
  RecalculateDueDate: '重新计算到期时间',
  SetPriorityJob: '设置作业优先级',
  Execute: '执行',
  ModifyProcessInstance: '修改流程实例',
  Migrate: '迁移',
  RestartProcessInstance: '重启流程实例',
  CorrelateMessage: '关联消息',
  CreateIncident: '创建事件',
  Resolve_Incident: '解决事件',
  SetAnnotation: '设置注释',
  ClearAnnotation: '清除注释',
  SetRemovalTime: '设置清理时间',
  SetHistoryTimeToLive: '设置历史保留期',
  Evaluate: '评估决策',
  CreateComment: '添加评论',
  UpdateComment: '修改评论',
  DeleteComment: '删除评论'
};

export const ENTITY_TYPES = {
  Task: '任务',
  IdentityLink: '身份关联',
  Attachment: '附件',
  ProcessInstance: '流程实例',
  ProcessDefinition: '流程定义',
  Job: '作业',
  JobDefinition: '作业定义',
  Variable: '变量',
  Deployment: '部署',
  DecisionDefinition: '决策定义',
  DecisionInstance: '决策实例',
  Batch: '批处理',
  Incident: '事件',
  OperationLog: '操作日志',
  Comment: '评论'
};

/** Properties the user operation log records. */
export const OPERATION_PROPERTIES = {
  assignee: '处理人',
  owner: '负责人',
  delete: '任务结束',
  priority: '优先级',
  dueDate: '到期时间',
  duedate: '到期时间',
  followUpDate: '跟进时间',
  name: '名称',
  description: '描述',
  parentTask: '上级任务',
  delegation: '委托状态',
  candidateUser: '候选人',
  candidateGroup: '候选组',
  suspensionState: '挂起状态',
  processDefinitionKey: '流程定义键',
  processDefinitionId: '流程定义',
  processInstanceId: '流程实例',
  messageName: '消息名称',
  variableName: '变量名',
  retries: '重试次数',
  nrOfInstances: '实例数',
  async: '异步',
  deleteReason: '删除原因',
  cascade: '级联',
  skipCustomListeners: '跳过自定义监听器',
  skipIoMappings: '跳过输入输出映射'
};

export const OPERATION_CATEGORIES = {
  TaskWorker: '任务办理',
  Operator: '运维操作',
  Admin: '系统管理'
};

export const VARIABLE_TYPES = {
  String: '文本',
  Boolean: '布尔',
  Integer: '整数',
  Long: '长整数',
  Short: '短整数',
  Double: '小数',
  Date: '日期',
  Json: 'JSON',
  Object: '对象',
  Null: '空值',
  Bytes: '二进制',
  File: '文件',
  Xml: 'XML'
};

/** The variables the engine itself sets on a multi-instance activity (the expert reviews). */
const ENGINE_VARIABLES = {
  nrOfInstances: '多实例总数',
  nrOfActiveInstances: '多实例中进行中的数量',
  nrOfCompletedInstances: '多实例中已完成的数量',
  loopCounter: '多实例序号（从 0 起）'
};

/**
 * Meanings of the variables (shown beside their names). The application's are the dictionary's table
 * "variable", so that a variable added to a process or form gets its label where every other label
 * lives (variable-labels.test.mjs checks that each name of the contract and each form field has one).
 */
export const VARIABLE_MEANINGS = {...ENGINE_VARIABLES, ...(DICTIONARY.variable || {})};

export const DECISION_NAMES = {
  'article4-eligibility': '申报条件（第四条）',
  'first-review-routing': '初审单位分派',
  'expert-conclusion': '专家评审结论',
  'annual-assessment': '年度考核',
  'certification-policy': '认定政策参数'
};

export const PROCESS_NAMES = {
  [CERTIFICATION_KEY]: '众创空间认定',
  [SUPERVISION_KEY]: '众创空间年度管理'
};

export function label(table, code) {
  if (code === null || code === undefined || code === '') {
    return '';
  }
  return table[code] || code;
}

export function outcomeLabel(code) {
  return label(OUTCOMES, code);
}

export function countyLabel(code) {
  return label(COUNTIES, code);
}
