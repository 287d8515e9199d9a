import { toCsv } from '@/web/lib/csv';

describe('toCsv', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(toCsv(['id', 'name'], [[1, 'a,b'], [2, 'say "hi"'], [3, '=SUM(A1)'], [4, undefined]])).toBe(
      'id,name\r\n1,"a,b"\r\n2,"say ""hi"""\r\n3,\'=SUM(A1)\r\n4,\r\n',
    );
  });
});
