import type { FastifyPluginAsync } from 'fastify';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import { resolveToken } from '../auth/tokens';
import { ACTIVITY_MINUTES, connectionActivity, MINUTE_MS, RECENT_MINUTES } from '../db/connection-activity';
import { summarizeDevices } from '../db/device-queries';
import type { AppDeps } from '../deps';
import { romaBadParameter } from '../errors';
import type { ChangeFeed, WorkspaceChanges } from '../events/change-feed';
import { readDeviceChanges } from '../events/device-changes';
import { TASKS_EVERY_MS, WorkspaceStream, type StreamDeps } from '../events/workspace-stream';
import { liveTasks } from '../tasks/task-queries';
import { WriteTurns } from '../events/write-turns';
import { romaInstance } from './roma-input';

const EVENTS = 'console.events';
/** A comment line this often keeps proxies from closing a quiet stream (DESIGN.md: every 15 s). */
export const HEARTBEAT_MS = 15_000;
/** How often an open stream asks whether its token was revoked: a signed-out console stops hearing within this. */
export const REVOCATION_CHECK_MS = 5_000;
/** Stream writes between two turns of the event loop at I/O (see WriteTurns). */
const WRITES_PER_TURN = 16;

/**
 * What every stream of a workspace asks for as of the same feed event (its summary, its changed
 * devices) is computed once: the latest answer per workspace is kept until the next event.
 */
function oncePerEvent<A extends unknown[], T>(compute: (workspaceId: string, ...args: A) => Promise<T>): (workspaceId: string, eventId: string, ...args: A) => Promise<T> {
  const latest = new Map<string, { eventId: string; answer: Promise<T> }>();
  return (workspaceId, eventId, ...args) => {
    const kept = latest.get(workspaceId);
    if (kept?.eventId === eventId) return kept.answer;
    const answer = compute(workspaceId, ...args);
    latest.set(workspaceId, { eventId, answer });
    // A failed read is not kept: the next stream to ask reads again.
    answer.catch(() => latest.delete(workspaceId));
    return answer;
  };
}

/** `GET /console/v1/projects/{p}/instances/{i}/events`: the workspace's changes as Server-Sent Events. */
export function consoleEventRoutes(deps: AppDeps, feed: ChangeFeed): FastifyPluginAsync {
  const summary = oncePerEvent((workspaceId) => summarizeDevices(deps.db, deps.dialect, workspaceId, {}, deps.listIndex));
  const activityOf = (minutes: number) => oncePerEvent(async (workspaceId, now: number) => ({ minutes: await connectionActivity(deps.db, workspaceId, now, minutes) }));
  const spans = { hour: activityOf(ACTIVITY_MINUTES), recent: activityOf(RECENT_MINUTES) };
  // Kept per feed event and per minute: a quiet fleet's latest event may be minutes old.
  const activity: StreamDeps['activity'] = (workspaceId, eventId, now, span) => spans[span](workspaceId, `${eventId}@${Math.floor(now / MINUTE_MS)}`, now);
  const eventChanges = oncePerEvent(async (workspaceId, changes: WorkspaceChanges) => ({ changes: await readDeviceChanges(deps.db, workspaceId, changes.ids, changes.activityOnly) }));
  // Kept per second: every stream of the workspace looks once a second.
  const tasksOf = oncePerEvent(async (workspaceId, now: number) => {
    const data = { tasks: await liveTasks(deps.db, workspaceId, now) };
    return { signature: JSON.stringify(data), data };
  });
  const tasks: StreamDeps['tasks'] = (workspaceId, now) => tasksOf(workspaceId, String(Math.floor(now / TASKS_EVERY_MS)), now);
  const turns = new WriteTurns(WRITES_PER_TURN);
  return async (app) => {
    // 'dual': a caller that does not accept text/event-stream reaches the handler, and is refused in the envelope.
    app.get('/console/v1/projects/:project_id/instances/:instance_id/events', { sse: { kind: 'dual', heartbeat: true }, config: { role: 'viewer' } }, async (request, reply) => {
      const workspace = romaInstance(request, EVENTS);
      // Typed as always present; absent when the Accept header did not ask for the stream.
      if (!(reply.sse as typeof reply.sse | undefined)) throw romaBadParameter(EVENTS, 'Accept', 'header');
      const stream = new WorkspaceStream({ db: deps.db, feed, summary, activity, eventChanges, tasks }, workspace.id, reply.sse.lastEventId ?? undefined);
      // The stream lives no longer than the token that opened it, expired or revoked (sign-out, on
      // any replica): the reader signs in again.
      const expiry = setTimeout(() => reply.sse.close(), Math.max(0, request.session.expiresAt - Date.now()));
      const token = String(request.headers[AUTH_TOKEN_HEADER]);
      const revocation = setInterval(() => {
        resolveToken(deps.db, token).then(
          (session) => session || reply.sse.close(),
          () => undefined,
        );
      }, REVOCATION_CHECK_MS);
      reply.sse.onClose(() => {
        clearTimeout(expiry);
        clearInterval(revocation);
        stream.stop();
      });
      reply.sse.keepAlive();
      // A reader gone between two sends ends the loop rather than failing a send.
      await stream.run(async (messages) => {
        await turns.take();
        if (!reply.sse.isConnected) return stream.stop();
        // Each send writes synchronously before its first await: corked, they leave in one write.
        reply.raw.cork();
        const sent = messages.map((message) => reply.sse.send(message));
        reply.raw.uncork();
        await Promise.all(sent);
      });
    });
  };
}
