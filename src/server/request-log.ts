import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line a request, written when the answer is sent: method, URL, status, time and the
 * request id, never headers (where tokens travel) or bodies. Fastify's default writes two.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}
