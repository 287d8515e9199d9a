import type { FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import { romaDevicePathSchema, romaInstancePathSchema } from '@/contracts/roma';
import type { WorkspaceRow } from '../db/schema';
import { romaBadParameter, romaInstanceNotFound } from '../errors';
import { issuePath, parseInput } from '../parse-input';

// 001's own example names a bad device_id in the path `deviceOid`.
const PATH_PARAMETER_NAMES: Record<string, string> = { device_id: 'deviceOid' };

/** Where a string holds U+0000, which PostgreSQL text cannot store: refused up front on both databases. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The workspace the path names. Another tenant's project answers exactly like one that does not
 * exist (ROMA.00110002), so project ids cannot be probed.
 */
function workspaceOf(request: FastifyRequest, path: { project_id: string; instance_id: string }): WorkspaceRow {
  const { workspace } = request.session;
  if (path.project_id !== workspace.project_id || path.instance_id !== workspace.instance_id) {
    throw romaInstanceNotFound(path.project_id, path.instance_id);
  }
  return workspace;
}

function parsePath<S extends z.ZodMiniType>(schema: S, request: FastifyRequest, operation: string): z.output<S> {
  return parseInput(schema, request.params, (issue) => {
    const name = String(issue?.path[0] ?? 'path');
    return romaBadParameter(operation, PATH_PARAMETER_NAMES[name] ?? name, 'path');
  });
}

export function romaInstance(request: FastifyRequest, operation: string): WorkspaceRow {
  return workspaceOf(request, parsePath(romaInstancePathSchema, request, operation));
}

export function romaDevice(request: FastifyRequest, operation: string): { workspace: WorkspaceRow; id: number } {
  const path = parsePath(romaDevicePathSchema, request, operation);
  return { workspace: workspaceOf(request, path), id: path.device_id };
}

/** Query parameters are named by their key: `limit`, `online_status`. */
export function romaQuery<S extends z.ZodMiniType>(schema: S, request: FastifyRequest, operation: string): z.output<S> {
  const refuse = (name: string) => romaBadParameter(operation, name, 'query');
  const query = parseInput(schema, request.query, (issue) => refuse(String(issue?.path[0] ?? 'query')));
  const nul = nulPath(query, '');
  if (nul !== undefined) throw refuse(nul.replace(/\[\d+\]$/, ''));
  return query;
}

/**
 * A body field is named by its path (`tags[2]`) so the console can show the refusal on its field,
 * unless the document names the whole body as the parameter (004: `deviceDisconnectRequest`).
 */
export function romaBody<S extends z.ZodMiniType>(schema: S, request: FastifyRequest, operation: string, bodyName?: string): z.output<S> {
  const refuse = (path: string) => romaBadParameter(operation, bodyName ?? (path || 'body'), 'body');
  const body = parseInput(schema, request.body, (issue) => refuse(issuePath(issue)));
  const nul = nulPath(body, '');
  if (nul !== undefined) throw refuse(nul);
  return body;
}
