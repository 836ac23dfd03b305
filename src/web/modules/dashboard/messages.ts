/**
 * The dashboard module's messages: its top-level subtrees of the one i18next resource (and its menu labels under
 * `nav`). `en` is typed from `zh`, so a missing or extra English key fails the type check.
 */
export const zh = {
  nav: {
    dashboard: '驾驶舱',
  },
  dashboard: {
    title: '驾驶舱',
    kpis: '核心指标',
    export: '导出 Excel',
    asOf: '数据更新于 {{time}}',
    screenMode: '大屏模式',
    periodSpan: '{{from}} 至 {{to}}',
    previous: '上期',
    flat: '持平',
    hoursUnit: '小时',
    period: {
      today: '今日',
      week: '本周',
      month: '本月',
      quarter: '本季度',
      year: '本年',
      custom: '自定义',
    },
    map: {
      title: '网格分布',
      casesPer1000: '每千户案件数',
      overdue: '超期案件',
      onTimeClosureRate: '按期结案率',
      overduePin: '已超期',
      truncated: '案件点位较多，仅显示部分。',
      noAreas: '本区域下没有下级网格。',
    },
    trend: {
      title: '案件趋势',
      reported: '上报',
      handled: '处置',
      closed: '结案',
      onTimeHandlingRate: '按期处置率',
      by: { day: '按日', week: '按周', month: '按月' },
    },
    categories: {
      title: '案件类别',
      others: '其他',
    },
    rankings: {
      title: '排行榜',
      formula: '综合得分计算方法',
      rank: '名次',
      name: '名称',
      score: '综合得分',
      acceptanceRate: '受理率',
      onTimeHandlingRate: '按期处置率',
      onTimeClosureRate: '按期结案率',
      reworkRate: '返工率',
      satisfactionRate: '满意率',
      tooFew: '样本不足：当期上报少于 {{n}} 件，不参与排名',
      by: { street: '街道', community: '社区', department: '部门', worker: '网格员' },
    },
    watch: {
      title: '重点关注',
      overdue: '超期案件',
      supervised: '督办案件',
      more: '共 {{total}} 件，显示前 {{shown}} 件',
    },
    feed: {
      title: '实时动态',
      waiting: '等待新的上报或升级…',
      live: '● 实时',
      connecting: '连接中…',
    },
    screen: {
      title: '二七区基层治理指挥中心',
    },
  },
};

export const en: typeof zh = {
  nav: {
    dashboard: 'Dashboard',
  },
  dashboard: {
    title: 'Dashboard',
    kpis: 'Key figures',
    export: 'Export Excel',
    asOf: 'Data as of {{time}}',
    screenMode: 'Wall screen',
    periodSpan: '{{from}} to {{to}}',
    previous: 'Previous',
    flat: 'no change',
    hoursUnit: 'h',
    period: {
      today: 'Today',
      week: 'This week',
      month: 'This month',
      quarter: 'This quarter',
      year: 'This year',
      custom: 'Custom',
    },
    map: {
      title: 'Grids',
      casesPer1000: 'Cases per 1,000 households',
      overdue: 'Overdue cases',
      onTimeClosureRate: 'On-time closure rate',
      overduePin: 'overdue',
      truncated: 'Many cases: only some are shown.',
      noAreas: 'This area has no grids below it.',
    },
    trend: {
      title: 'Case trend',
      reported: 'Reported',
      handled: 'Handled',
      closed: 'Closed',
      onTimeHandlingRate: 'On-time handling rate',
      by: { day: 'By day', week: 'By week', month: 'By month' },
    },
    categories: {
      title: 'Case categories',
      others: 'Others',
    },
    rankings: {
      title: 'Rankings',
      formula: 'How the composite score is computed',
      rank: 'Rank',
      name: 'Name',
      score: 'Score',
      acceptanceRate: 'Acceptance rate',
      onTimeHandlingRate: 'On-time handling',
      onTimeClosureRate: 'On-time closure',
      reworkRate: 'Rework rate',
      satisfactionRate: 'Satisfaction',
      tooFew: 'Too few cases: fewer than {{n}} reported in the period, not ranked',
      by: { street: 'Streets', community: 'Communities', department: 'Departments', worker: 'Grid workers' },
    },
    watch: {
      title: 'Watch list',
      overdue: 'Overdue cases',
      supervised: 'Supervised cases',
      more: '{{total}} in all, the first {{shown}} shown',
    },
    feed: {
      title: 'Live feed',
      waiting: 'Waiting for new or escalated cases…',
      live: '● Live',
      connecting: 'Connecting…',
    },
    screen: {
      title: 'Erqi District Command Centre',
    },
  },
};

declare module '../../app/i18n' {
  interface MessageParts {
    dashboard: typeof zh;
  }
}
