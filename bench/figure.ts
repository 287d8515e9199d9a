import type { Browser } from '@playwright/test';
import type { BenchOptions } from './options';
import type { Service } from './service';

/** What a figure is and the goal its issue sets for it; without a goal, the figure is reported only. */
export interface FigureSpec {
  id: string;
  title: string;
  unit: string;
  goal?: { op: '<=' | '>='; value: number };
}

/** One value per round, plus whatever explains them (the p50 beside a p95, the filter used…). */
export interface Measured {
  samples: number[];
  detail?: Record<string, string | number>;
}

export interface BenchContext {
  options: BenchOptions;
  /** The admin's password, for signing in through the console. */
  password: string;
  /** How long seeding the fleet took, before any figure. */
  seededMs: number;
  /** The service on a copy of the seeded database; replaced by `restartOnFreshCopy`. */
  service: Service;
  /** Started on first use: server-only figures never pay for Chromium. */
  browser: () => Promise<Browser>;
  /** Stops `service` and starts one on a fresh copy of the seeded database, for figures that change devices. */
  restartOnFreshCopy: () => Promise<Service>;
  /** A further service on a fresh copy, with its MQTT gateway on; the caller stops it. */
  liveService: () => Promise<Service>;
}

export interface Figure {
  spec: FigureSpec;
  run: (context: BenchContext) => Promise<Measured>;
}

/** A figure's line in bench/results.json; `value` fields are null and `na` says why when it could not be measured; `met` is null without a goal. */
export interface FigureResult extends FigureSpec {
  median: number | null;
  min: number | null;
  max: number | null;
  samples: number[];
  met: boolean | null;
  detail?: Record<string, string | number>;
  na?: string;
}
