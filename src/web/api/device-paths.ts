import { currentSession } from '@/web/api/client';

/** ROMA device paths of the signed-in workspace. */
export function romaDevicesPath(suffix = ''): string {
  const { projectId, instanceId } = currentSession();
  return `/v2/${encodeURIComponent(projectId)}/link/instances/${encodeURIComponent(instanceId)}/devices${suffix}`;
}

export function consoleInstancePath(suffix: string): string {
  const { projectId, instanceId } = currentSession();
  return `/console/v1/projects/${encodeURIComponent(projectId)}/instances/${encodeURIComponent(instanceId)}${suffix}`;
}
