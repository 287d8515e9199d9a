import { expect, it } from 'vitest';
import { benchOptions } from './options';

it('takes the fleet size from --devices, and refuses a size that is not a whole number from 1', () => {
  expect(benchOptions([]).devices).toBe(100_000);
  expect(benchOptions(['--quick']).devices).toBe(2_000);
  expect(benchOptions(['--devices', '1000000'])).toMatchObject({ devices: 1_000_000, liveDevices: 10_000 });
  expect(benchOptions(['--quick', '--devices', '50'])).toMatchObject({ devices: 50, liveDevices: 50 });
  for (const bad of [['--devices'], ['--devices', '0'], ['--devices', 'abc'], ['--devices', '1e6'], ['--devices', '-5']]) {
    expect(() => benchOptions(bad), bad.join(' ')).toThrow(/--devices takes a whole number/);
  }
});

it('runs on SQLite unless --db says postgres, and refuses any other engine', () => {
  expect(benchOptions([]).db).toBe('sqlite');
  expect(benchOptions(['--db', 'sqlite']).db).toBe('sqlite');
  expect(benchOptions(['--quick', '--db', 'postgres', '--devices', '500'])).toMatchObject({ db: 'postgres', devices: 500, quick: true });
  for (const bad of [['--db'], ['--db', 'mysql'], ['--db', 'Postgres'], ['--db', '--quick']]) {
    expect(() => benchOptions(bad), bad.join(' ')).toThrow(/--db takes sqlite or postgres/);
  }
});
