import { ConfigError, loadPollerConfig, loadTrapReceiverConfig } from './collectors-config';

describe('collectors configuration', () => {
  it('has working defaults', () => {
    const poller = loadPollerConfig({});
    expect(poller).toMatchObject({ POLLER_GROUP: 'circuitcare-pollers', POLLER_VARBINDS_PER_PDU: 48, SNMP_COMMUNITY: 'public', KAFKA_BROKERS: ['localhost:9092'] });
    const traps = loadTrapReceiverConfig({});
    expect(traps).toMatchObject({ TRAP_HOST: '127.0.0.1', TRAP_PORT: 1162, TRAP_COMMUNITIES: ['public'], TRAP_RECV_BUFFER_BYTES: 8388608 });
  });

  it('parses lists', () => {
    expect(loadTrapReceiverConfig({ TRAP_COMMUNITIES: 'public, noc ,' }).TRAP_COMMUNITIES).toEqual(['public', 'noc']);
  });

  it('names every bad variable in one error', () => {
    let message = '';
    try {
      loadPollerConfig({ POLLER_VARBINDS_PER_PDU: '0', SNMP_PORT: 'x', MONGO_URL: 'http://nope' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('POLLER_VARBINDS_PER_PDU');
    expect(message).toContain('SNMP_PORT');
    expect(message).toContain('MONGO_URL');
  });
});
