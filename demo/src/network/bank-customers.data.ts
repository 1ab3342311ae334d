/** The two demo tenants. Invented names: any likeness to a real bank is accidental. */
export interface BankProfile {
  id: 'bank-a' | 'bank-b';
  name: string;
  nameEn: string;
  /** Short name used in org-unit names: `${short}宜昌分行`. */
  short: string;
  shortEn: string;
  /** Preferred CPE vendors, by share: banks standardise on one or two. */
  cpeVendors: readonly (readonly ['huawei' | 'h3c' | 'cisco', number])[];
}

export const BANKS: readonly BankProfile[] = [
  {
    id: 'bank-a',
    name: '江汉银行',
    nameEn: 'Jianghan Bank',
    short: '江汉银行',
    shortEn: 'Jianghan Bank',
    cpeVendors: [
      ['huawei', 8],
      ['h3c', 2],
    ],
  },
  {
    id: 'bank-b',
    name: '楚天商业银行',
    nameEn: 'Chutian Commercial Bank',
    short: '楚天商行',
    shortEn: 'Chutian Bank',
    cpeVendors: [
      ['h3c', 5],
      ['cisco', 4],
      ['huawei', 1],
    ],
  },
];
