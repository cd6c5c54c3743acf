import { fieldErrors, InvalidInput } from './invalid-input';

describe('Invalid input', () => {
  it('lists nested fields with dotted paths, one entry per rule broken', () => {
    const errors = fieldErrors([
      { property: 'mood', constraints: { max: 'mood must not be greater than 5', isInt: 'mood must be an integer number' }, children: [] },
      {
        property: 'items',
        children: [{ property: '0', children: [{ property: 'kind', constraints: { isIn: 'kind must be one of: a, b' }, children: [] }] }],
      },
    ]);
    expect(errors).toEqual([
      { field: 'mood', rule: 'max', message: 'mood must not be greater than 5' },
      { field: 'mood', rule: 'isInt', message: 'mood must be an integer number' },
      { field: 'items.0.kind', rule: 'isIn', message: 'kind must be one of: a, b' },
    ]);
  });

  it('names the fields in its detail', () => {
    const error = new InvalidInput([
      { field: 'mood', rule: 'max', message: '…' },
      { field: 'mood', rule: 'isInt', message: '…' },
      { field: 'craving', rule: 'min', message: '…' },
    ]);
    expect(error.getStatus()).toBe(400);
    expect(error.message).toBe('The request has 3 invalid fields: mood, craving.');
  });
});
