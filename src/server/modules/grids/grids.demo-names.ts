/** Name tables of the demo generator (data only: the generator decides how they are drawn). */

export const COMMERCIAL_AREAS = ['二七广场', '德化步行街', '大同路', '钱塘路', '银基商贸城', '火车站西广场'];

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '郭',
  '孙',
  '马',
  '冯',
  '贾',
  '常',
  '谢',
  '曹',
  '岳',
];
