/** Name tables of the demo generator (data only: the generator decides how they are drawn). */

// Frequent surnames first, repeated by weight (王、李、张、刘 are the most common in Henan).
export const SURNAMES = [
  ...'王王王王王李李李李张张张张刘刘刘陈陈杨杨赵赵黄周吴徐孙马马朱胡郭郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆范金石贾夏付方白邹孟秦江尹薛闫段雷侯史郝毛常牛申聂翟岳',
];

export const GIVEN = [
  ...'建国华明伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀英霞平刚桂兰玉梅红霞志鹏飞鑫宇浩然子涵雨欣佳怡梓萱俊峰海燕晓东春雷秋菊冬梅新民振华学文德明永福金凤瑞雪晨曦思远',
];
