export interface ThrowawayCluster {
  /** `postgres://postgres@127.0.0.1:{port}/postgres`, trust authentication. */
  url: string;
  /** The server's major version, e.g. "15". */
  version: string;
  /** Stops the server and removes its folder; the same promise on every call. */
  stop: () => Promise<void>;
}

export function startThrowawayCluster(): Promise<ThrowawayCluster>;
