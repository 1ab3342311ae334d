/** Cause and fix codes offered on the job sheet (the API takes any upper-case code). */
export const CAUSE_CODES = [
  'FIBER_CUT',
  'POWER_LOSS',
  'CPE_FAULT',
  'PORT_FAULT',
  'CONFIG_ERROR',
  'CUSTOMER_SIDE',
  'NO_FAULT_FOUND',
] as const;

export const FIX_CODES = [
  'SPLICE',
  'REPLACE_CPE',
  'REPLACE_MODULE',
  'POWER_RESTORED',
  'RECONFIGURE',
  'RESTART',
  'NONE',
] as const;
