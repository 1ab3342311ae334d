/**
 * Vendors and models of the demo, and how each family names its ports, so that
 * ifName / ifDescr look like what an SNMP walk of the real box returns.
 */
export type NamingStyle =
  'huawei' | 'huawei-ar' | 'zte' | 'cisco-xr' | 'cisco-ios' | 'h3c' | 'optix' | 'zxmp' | 'ugw';

export interface DeviceModel {
  vendor: string;
  model: string;
  naming: NamingStyle;
}

const m = (vendor: string, model: string, naming: NamingStyle): DeviceModel => ({
  vendor,
  model,
  naming,
});

export const MODELS = {
  core: [m('Huawei', 'NE5000E-X16A', 'huawei'), m('Huawei', 'NE40E-X16A', 'huawei')],
  pe: [
    m('Huawei', 'NE40E-X8A', 'huawei'),
    m('Huawei', 'CX600-X8A', 'huawei'),
    m('ZTE', 'ZXR10 M6000-8S PLUS', 'zte'),
    m('Cisco', 'ASR 9006', 'cisco-xr'),
  ],
  internetGateway: m('Huawei', 'NE5000E-X8A', 'huawei'),
  lns: m('Huawei', 'ME60-X8A', 'huawei'),
  lac: m('Huawei', 'UGW9811', 'ugw'),
  ringAccess: [
    m('Huawei', 'ATN910C-F', 'huawei'),
    m('ZTE', 'ZXCTN 6180H', 'zte'),
    m('H3C', 'S6520X-30QC-EI', 'h3c'),
  ],
  otnHub: m('Huawei', 'OptiX OSN 8800 T32', 'optix'),
  otnCity: [m('Huawei', 'OptiX OSN 1800 V', 'optix'), m('ZTE', 'ZXMP S385', 'zxmp')],
  cpe: {
    huawei: {
      outlet: m('Huawei', 'AR651', 'huawei-ar'),
      branch: m('Huawei', 'AR6280', 'huawei-ar'),
      hub: m('Huawei', 'NetEngine AR8140', 'huawei-ar'),
    },
    h3c: {
      outlet: m('H3C', 'MSR2600-10-X1', 'h3c'),
      branch: m('H3C', 'MSR3610-X1', 'h3c'),
      hub: m('H3C', 'SR6608-X', 'h3c'),
    },
    cisco: {
      outlet: m('Cisco', 'ISR1111-8P', 'cisco-ios'),
      branch: m('Cisco', 'ISR4451-X', 'cisco-ios'),
      hub: m('Cisco', 'ASR1001-X', 'cisco-ios'),
    },
  },
} as const;

export type PortFamily = 'ge' | '10ge' | '100ge' | 'cellular' | 'virtual';

export function portFamily(
  speedBps: number,
  medium: 'ethernet' | 'cellular' | 'virtual',
): PortFamily {
  if (medium !== 'ethernet') return medium;
  if (speedBps > 10e9) return '100ge';
  if (speedBps > 1e9) return '10ge';
  return 'ge';
}

/** The n-th (0-based) port of a family: slot/card/port numbering as each vendor does it. */
export function portNames(
  style: NamingStyle,
  family: PortFamily,
  n: number,
): { ifName: string; ifDescr: string } {
  const slot = 1 + Math.floor(n / 24);
  const port = n % 24;
  const same = (name: string) => ({ ifName: name, ifDescr: name });
  if (family === 'cellular') {
    return style === 'cisco-ios'
      ? same(`Cellular0/${slot}/${port}`)
      : same(`Cellular0/${slot - 1}/${port}`);
  }
  if (family === 'virtual') return same(`Virtual-Access${n + 1}`);
  switch (style) {
    case 'huawei': {
      const prefix = family === '100ge' ? '100GE' : family === '10ge' ? '10GE' : 'GigabitEthernet';
      return same(`${prefix}${slot}/0/${port}`);
    }
    case 'huawei-ar':
      return same(`${family === 'ge' ? 'GigabitEthernet' : 'XGigabitEthernet'}0/0/${n + 1}`);
    case 'ugw':
      return same(`${family === 'ge' ? 'GE' : family === '10ge' ? 'XGE' : 'CGE'}${slot}/0/${port}`);
    case 'zte': {
      const prefix = family === '100ge' ? 'cgei' : family === '10ge' ? 'xgei' : 'gei';
      return same(`${prefix}-0/${slot}/0/${port + 1}`);
    }
    case 'cisco-xr': {
      const [short, long] =
        family === '100ge'
          ? ['Hu', 'HundredGigE']
          : family === '10ge'
            ? ['Te', 'TenGigE']
            : ['Gi', 'GigabitEthernet'];
      return {
        ifName: `${short}0/${slot - 1}/0/${port}`,
        ifDescr: `${long}0/${slot - 1}/0/${port}`,
      };
    }
    case 'cisco-ios': {
      const [short, long] =
        family === 'ge' ? ['Gi', 'GigabitEthernet'] : ['Te', 'TenGigabitEthernet'];
      return { ifName: `${short}0/${slot - 1}/${port}`, ifDescr: `${long}0/${slot - 1}/${port}` };
    }
    case 'h3c': {
      const prefix =
        family === '100ge'
          ? 'HundredGigE'
          : family === '10ge'
            ? 'Ten-GigabitEthernet'
            : 'GigabitEthernet';
      return {
        ifName: `${prefix}1/${slot - 1}/${port + 1}`,
        ifDescr: `${prefix}1/${slot - 1}/${port + 1} Interface`,
      };
    }
    case 'optix': {
      const board = family === 'ge' ? 'EG16' : family === '10ge' ? 'TOX' : 'TTX';
      return {
        ifName: `${slot + 10}-${board}-${port + 1}`,
        ifDescr: `OptiX ${slot + 10}-${board}-${port + 1}(PORT-${port + 1})`,
      };
    }
    case 'zxmp':
      return {
        ifName: `${slot + 4}-SEGB-${port + 1}`,
        ifDescr: `ZXMP shelf1-slot${slot + 4}-port${port + 1}`,
      };
  }
}
