import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod/mini';
import { iotdaDevicePathSchema } from '@/contracts/iotda';
import { BATCH_TASK_CODES, batchTaskPathSchema, createBatchTaskBodySchema, listBatchTasksQuerySchema } from '@/contracts/iotda-batch-tasks';
import { batchTargetsBodySchema, showBatchTaskQuerySchema } from '@/contracts/iotda-batch-task-details';
import type { AppDeps } from '../deps';
import { ApiFailure } from '../errors';
import { issuePath, parseInput } from '../parse-input';
import { createTask } from '../tasks/create-task';
import { retryTask, stopTask, type ControlOutcome } from '../tasks/task-control';
import { listTasks, readTask, taskDetails } from '../tasks/task-queries';

const INVALID_INPUT = 'Invalid input data.';
const invalidInput = (issue: z.core.$ZodIssue | undefined) => {
  const field = issuePath(issue);
  const detail = issue ? ` ${field ? `${field}: ` : ''}${issue.message}` : '';
  // IoTDA's list names its own code for a limit out of range.
  if (field === 'limit') return new ApiFailure(400, BATCH_TASK_CODES.limitOutOfRange, `Invalid input. The specified parameter 'limit' is out of range.${detail}`);
  return new ApiFailure(400, BATCH_TASK_CODES.invalidInput, `${INVALID_INPUT}${detail}`);
};
const taskNotFound = () => new ApiFailure(404, BATCH_TASK_CODES.taskNotFound, 'The batch task does not exist.');

const projectPathSchema = z.pick(iotdaDevicePathSchema, { project_id: true });

/** The caller's own project: another tenant's has no tasks for this caller, as it has no devices. */
function ownProject<S extends z.ZodMiniType<{ project_id: string }>>(request: FastifyRequest, schema: S): z.output<S> {
  const path = parseInput(schema, request.params, invalidInput);
  if (path.project_id !== request.session.workspace.project_id) throw taskNotFound();
  return path;
}

/** What is not run here yet is refused rather than accepted and ignored. */
function refuseUnsupportedPolicy(policy: { schedule_time?: string | undefined; retry_count?: number | undefined } | undefined): void {
  if (policy?.schedule_time !== undefined) throw new ApiFailure(400, BATCH_TASK_CODES.invalidInput, `${INVALID_INPUT} task_policy.schedule_time: scheduled tasks are not supported; tasks run at once.`);
  if (policy?.retry_count) throw new ApiFailure(400, BATCH_TASK_CODES.invalidInput, `${INVALID_INPUT} task_policy.retry_count: automatic retries are not supported; retry failed subtasks with RetryBatchTask.`);
}

function controlAnswer(outcome: ControlOutcome) {
  if (outcome.kind === 'not-found') throw taskNotFound();
  if (outcome.kind === 'refused') throw new ApiFailure(400, BATCH_TASK_CODES.taskStatusConflict, `The batch task is ${outcome.status}: this operation is not allowed in that status.`);
  return { targets: outcome.targets };
}

/** IoTDA batch tasks (DESIGN.md "Fleet-scale bulk work"; docs/batch-tasks-contract.md): stored here, run by tasks/task-runner.ts. */
export function iotdaBatchTaskRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.post('/v5/iot/:project_id/batchtasks', { config: { role: 'operator', audit: 'task.create' } }, async (request, reply) => {
      ownProject(request, projectPathSchema);
      const body = parseInput(createBatchTaskBodySchema, request.body ?? {}, invalidInput);
      refuseUnsupportedPolicy(body.task_policy);
      const workspaceId = request.session.workspace.id;
      const task = await createTask(deps, { workspaceId, request: body, byUser: request.session.username, now: Date.now(), audit: request.audit });
      deps.tasks?.wake();
      return reply.status(201).send(task);
    });

    app.get('/v5/iot/:project_id/batchtasks', { config: { role: 'viewer' } }, async (request) => {
      ownProject(request, projectPathSchema);
      const query = parseInput(listBatchTasksQuerySchema, request.query, invalidInput);
      return listTasks(deps.db, request.session.workspace.id, query);
    });

    app.get('/v5/iot/:project_id/batchtasks/:task_id', { config: { role: 'viewer' } }, async (request) => {
      const path = ownProject(request, batchTaskPathSchema);
      const query = parseInput(showBatchTaskQuerySchema, request.query, invalidInput);
      const batchtask = await readTask(deps.db, request.session.workspace.id, path.task_id);
      if (!batchtask) throw taskNotFound();
      const { details, count, marker } = await taskDetails(deps.db, path.task_id, query);
      return { batchtask, task_details: details, page: { count, ...(marker && { marker }) } };
    });

    for (const [action, control] of [
      ['stop', stopTask],
      ['retry', retryTask],
    ] as const) {
      app.post(`/v5/iot/:project_id/batchtasks/:task_id/${action}`, { config: { role: 'operator', audit: action === 'stop' ? 'task.stop' : 'task.retry' } }, async (request) => {
        const path = ownProject(request, batchTaskPathSchema);
        const body = parseInput(batchTargetsBodySchema, request.body ?? {}, invalidInput);
        const outcome = await control(deps, { workspaceId: request.session.workspace.id, taskId: path.task_id, targets: body.targets, now: Date.now(), audit: request.audit });
        if (action === 'retry' && outcome.kind === 'done') deps.tasks?.wake();
        return controlAnswer(outcome);
      });
    }
  };
}
