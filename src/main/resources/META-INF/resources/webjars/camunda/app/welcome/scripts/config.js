// Our configuration of the Camunda welcome webapp (the shared part: /common/webapp-config.js).
import { webappConfig } from '/common/webapp-config.js';

export default webappConfig('欢迎', {
  // Our own pages; each is shown to those who may use it (scripts/own-pages.js; the pages check it again).
  customScripts: ['scripts/own-pages'],
  links: [
    {
      label: '规则管理',
      href: '/rules/',
      description: '规则管理员：查看、修改、回滚认定与年度管理的决策规则（DMN），无需重新发布'
    },
    {
      label: '工作日历',
      href: '/calendar/',
      description: '期限按工作日计算：查看已覆盖的年份；系统管理员在国务院办公厅通知发布后补充下一年度节假日安排'
    },
    {
      label: '统计报表',
      href: '/statistics/',
      description: '市科技局、局领导和审计人员：申请、办理环节与用时、认定结果、年度报告报送、考核、整改、取消称号和禁止申报的统计，逐项查看案件清单，导出表格和年度统计报告'
    },
    {
      label: '机构账号',
      href: '/accounts/',
      description: '系统管理员和县（区）科技局：查看运营机构的账号；系统管理员创建、停用和启用账号'
    },
    {
      label: '演示邮箱',
      href: '/mailbox/',
      description: '仅演示环境：系统发出的邮件（注册和重置密码的验证码），供系统管理员查看'
    }
  ]
});
