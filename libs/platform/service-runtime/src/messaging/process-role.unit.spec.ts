import { processRoleOf } from './process-role';

describe('The role of a service process', () => {
  it('is all of it unless ROLE says otherwise', () => expect(processRoleOf({})).toBe('all'));

  it.each(['all', 'api', 'relay', 'projections'])('is %s when ROLE says so', (role) =>
    expect(processRoleOf({ ROLE: role })).toBe(role),
  );

  it.each(['everything', 'API', ''])('refuses ROLE=%j, naming the roles there are', (role) =>
    expect(() => processRoleOf({ ROLE: role })).toThrow(/ROLE must be one of all, api, relay, projections/),
  );
});
