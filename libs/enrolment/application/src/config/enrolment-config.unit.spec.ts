import { readEnrolmentConfig, serves } from './enrolment-config';

describe('Enrolment configuration', () => {
  it('serves every site with background work in one process by default', () => {
    const config = readEnrolmentConfig({});
    expect(config).toMatchObject({ servedSites: 'all', transferResponseHours: 72, topicPrefix: 'alongside', consumerGroup: 'enrolment.transfers', runRelay: true, runConsumers: true, runProjections: true });
    expect(serves(config, 'anywhere')).toBe(true);
  });

  it('serves the listed sites only, each deployment in a consumer group of its own', () => {
    const config = readEnrolmentConfig({ ENROLMENT_SITES: 'north, south-east' });
    expect(config.servedSites).toEqual(['north', 'south-east']);
    expect(config.consumerGroup).toBe('enrolment.transfers.north.south-east');
    expect(serves(config, 'north')).toBe(true);
    expect(serves(config, 'west')).toBe(false);
  });

  it('splits the work by ROLE', () => {
    expect(readEnrolmentConfig({ ROLE: 'api' })).toMatchObject({ runRelay: false, runConsumers: false, runProjections: false });
    expect(readEnrolmentConfig({ ROLE: 'relay' })).toMatchObject({ runRelay: true, runConsumers: true, runProjections: false });
    expect(readEnrolmentConfig({ ROLE: 'projections' })).toMatchObject({ runRelay: false, runConsumers: false, runProjections: true });
    expect(() => readEnrolmentConfig({ ROLE: 'everything' })).toThrow(/ROLE/);
  });

  it('refuses nonsense', () => {
    expect(() => readEnrolmentConfig({ ENROLMENT_SITES: 'North Site' })).toThrow(/not a site id/);
    expect(() => readEnrolmentConfig({ TRANSFER_RESPONSE_HOURS: '0' })).toThrow(/TRANSFER_RESPONSE_HOURS/);
    expect(() => readEnrolmentConfig({ BLIND_INDEX_KEYS: 'north:c2hvcnQ=' })).toThrow(/at least 32 bytes/);
  });

  it('takes a blind-index key per site, or derives one per site from a secret; none in production is refused', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const keyed = readEnrolmentConfig({ BLIND_INDEX_KEYS: `north:${key}` });
    expect(keyed.blindIndexKey('north' as never).equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => keyed.blindIndexKey('south' as never)).toThrow(/No blind index key/);
    const derived = readEnrolmentConfig({ BLIND_INDEX_SECRET: 'a secret' });
    expect(derived.blindIndexKey('north' as never).equals(derived.blindIndexKey('south' as never))).toBe(false);
    expect(() => readEnrolmentConfig({ NODE_ENV: 'production' })).toThrow(/BLIND_INDEX_KEYS/);
  });
});
