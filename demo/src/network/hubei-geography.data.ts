/**
 * The province the demo operator serves (Hubei) and the remote POP that reaches the
 * banks' head offices (Beijing). Coordinates are the real city centres, rounded.
 */
export interface City {
  /** Two-letter code used in element ids: `YC-PE-01`. */
  code: string;
  name: string;
  nameEn: string;
  lat: number;
  lon: number;
  /** Number of PE routers at the city POP. */
  peCount: 1 | 2;
  /** Access rings at the POP and the nodes per ring. */
  rings: number;
  ringSize: number;
  /** Relative share of the banks' outlets in this city. */
  outletWeight: number;
  /** The wireless (VPDN) access gateway serving the city. */
  lacCity: string;
}

export const PROVINCE = { code: 'HB', name: '湖北省', nameEn: 'Hubei' } as const;

/** Wuhan first: it is the provincial capital, the core and the banks' provincial branches. */
// prettier-ignore
export const HUBEI_CITIES: readonly City[] = [
  { code: 'WH', name: '武汉', nameEn: 'Wuhan', lat: 30.593, lon: 114.305, peCount: 2, rings: 3, ringSize: 4, outletWeight: 30, lacCity: 'WH' },
  { code: 'YC', name: '宜昌', nameEn: 'Yichang', lat: 30.692, lon: 111.286, peCount: 2, rings: 2, ringSize: 3, outletWeight: 8, lacCity: 'YC' },
  { code: 'XY', name: '襄阳', nameEn: 'Xiangyang', lat: 32.009, lon: 112.122, peCount: 2, rings: 2, ringSize: 3, outletWeight: 8, lacCity: 'XY' },
  { code: 'JZ', name: '荆州', nameEn: 'Jingzhou', lat: 30.335, lon: 112.24, peCount: 1, rings: 1, ringSize: 3, outletWeight: 7, lacCity: 'YC' },
  { code: 'HS', name: '黄石', nameEn: 'Huangshi', lat: 30.2, lon: 115.039, peCount: 1, rings: 1, ringSize: 3, outletWeight: 5, lacCity: 'WH' },
  { code: 'SY', name: '十堰', nameEn: 'Shiyan', lat: 32.629, lon: 110.798, peCount: 1, rings: 1, ringSize: 3, outletWeight: 5, lacCity: 'XY' },
  { code: 'XG', name: '孝感', nameEn: 'Xiaogan', lat: 30.925, lon: 113.917, peCount: 1, rings: 1, ringSize: 3, outletWeight: 6, lacCity: 'WH' },
  { code: 'JM', name: '荆门', nameEn: 'Jingmen', lat: 31.035, lon: 112.199, peCount: 1, rings: 1, ringSize: 3, outletWeight: 5, lacCity: 'XY' },
  { code: 'EZ', name: '鄂州', nameEn: 'Ezhou', lat: 30.391, lon: 114.895, peCount: 1, rings: 1, ringSize: 3, outletWeight: 3, lacCity: 'WH' },
  { code: 'HG', name: '黄冈', nameEn: 'Huanggang', lat: 30.447, lon: 114.872, peCount: 1, rings: 1, ringSize: 3, outletWeight: 6, lacCity: 'WH' },
  { code: 'XN', name: '咸宁', nameEn: 'Xianning', lat: 29.841, lon: 114.322, peCount: 1, rings: 1, ringSize: 3, outletWeight: 5, lacCity: 'WH' },
  { code: 'SZ', name: '随州', nameEn: 'Suizhou', lat: 31.69, lon: 113.382, peCount: 1, rings: 1, ringSize: 3, outletWeight: 4, lacCity: 'XY' },
  { code: 'ES', name: '恩施', nameEn: 'Enshi', lat: 30.272, lon: 109.488, peCount: 1, rings: 1, ringSize: 3, outletWeight: 5, lacCity: 'YC' },
];

/** Where the head offices are: reached through the operator's inter-province POP. */
export const HEAD_OFFICE_CITY = {
  code: 'BJ',
  name: '北京',
  nameEn: 'Beijing',
  lat: 39.904,
  lon: 116.407,
} as const;

/** Street and district names for outlets and addresses (generic, found in most cities). */
// prettier-ignore
export const PLACE_NAMES: readonly (readonly [string, string])[] = [
  ['中山路', 'Zhongshan Road'], ['解放路', 'Jiefang Road'], ['人民路', 'Renmin Road'],
  ['建设路', 'Jianshe Road'], ['胜利街', 'Shengli Street'], ['新华路', 'Xinhua Road'],
  ['长江路', 'Changjiang Road'], ['友谊路', 'Youyi Road'], ['和平路', 'Heping Road'],
  ['东风路', 'Dongfeng Road'], ['光明路', 'Guangming Road'], ['青年路', 'Qingnian Road'],
  ['民主路', 'Minzhu Road'], ['沿江路', 'Yanjiang Road'], ['学院路', 'Xueyuan Road'],
  ['汉江路', 'Hanjiang Road'], ['文化路', 'Wenhua Road'], ['体育路', 'Tiyu Road'],
  ['站前路', 'Zhanqian Road'], ['湖滨路', 'Hubin Road'], ['花园路', 'Huayuan Road'],
  ['北京路', 'Beijing Road'], ['南湖路', 'Nanhu Road'], ['东湖路', 'Donghu Road'],
  ['西湖路', 'Xihu Road'], ['开发区', 'Development Zone'], ['高新区', 'Hi-tech Zone'],
  ['城东', 'Chengdong'], ['城西', 'Chengxi'], ['城南', 'Chengnan'], ['城北', 'Chengbei'],
  ['金桥', 'Jinqiao'], ['新城', 'Xincheng'], ['滨江', 'Binjiang'], ['万达广场', 'Wanda Plaza'],
  ['火车站', 'Railway Station'], ['大学城', 'University Town'], ['工业园', 'Industrial Park'],
  ['商贸城', 'Trade City'], ['江滩', 'Jiangtan'], ['凤凰', 'Fenghuang'], ['白沙', 'Baisha'],
  ['桃园', 'Taoyuan'], ['龙泉', 'Longquan'], ['紫阳', 'Ziyang'], ['书院', 'Shuyuan'],
  ['翠柳', 'Cuiliu'], ['五一路', 'Wuyi Road'],
];
