import { CLIENT_ERROR_CODES } from '@/web/api/api-error';
import { listBatchTasks, retryBatchTask, showBatchTask, stopBatchTask } from '@/web/api/batch-tasks';
import { readWholeTaskReport } from '@/web/api/read-whole-task-report';
import { showAnswer, taskId, testDetail, testTask } from '@/web/test-support/batch-task-fixture';
import { jsonResponse, startTestSession } from '@/web/test-support/device-fixture';

interface Asked {
  url: URL;
  init: RequestInit;
}

/** Answers each call by its URL, and records what was asked. */
function stubService(answer: (url: URL, init: RequestInit) => Response) {
  const asked: Asked[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      asked.push({ url, init });
      return answer(url, init);
    }),
  );
  return asked;
}

beforeEach(() => startTestSession());
afterEach(() => vi.unstubAllGlobals());

describe('listBatchTasks', () => {
  it('asks once per task type, one more than the page, and merges them newest first', async () => {
    const byType = {
      freezeDevices: [testTask(9), testTask(4)],
      unfreezeDevices: [testTask(7, { task_type: 'unfreezeDevices' })],
      forceOfflineDevices: [testTask(8, { task_type: 'forceOfflineDevices' }), testTask(2, { task_type: 'forceOfflineDevices' })],
    };
    const asked = stubService((url) => {
      const tasks = byType[url.searchParams.get('task_type') as keyof typeof byType];
      return jsonResponse(200, { batchtasks: tasks, page: { count: tasks.length + 10, marker: tasks.at(-1)!.task_id } });
    });
    const list = await listBatchTasks({ limit: 3 });
    expect(asked.map(({ url }) => url.pathname)).toEqual(Array(3).fill('/v5/iot/default/batchtasks'));
    expect(asked.map(({ url }) => Object.fromEntries(url.searchParams))).toEqual([
      { task_type: 'freezeDevices', limit: '4' },
      { task_type: 'unfreezeDevices', limit: '4' },
      { task_type: 'forceOfflineDevices', limit: '4' },
    ]);
    expect(list.tasks.map((t) => t.task_id)).toEqual([taskId(9), taskId(8), taskId(7)]);
    expect(list.count).toBe(35);
    // Two more tasks came than the page holds: the next page starts after its last.
    expect(list.next).toBe(taskId(7));
  });

  it('passes the marker on, and has no next page when every type came short', async () => {
    const asked = stubService(() => jsonResponse(200, { batchtasks: [testTask(3)], page: { count: 1, marker: taskId(3) } }));
    const list = await listBatchTasks({ limit: 20, marker: taskId(5) });
    expect(asked.every(({ url }) => url.searchParams.get('marker') === taskId(5))).toBe(true);
    expect(list.tasks).toHaveLength(3);
    expect(list).not.toHaveProperty('next');
  });

  it('fails with IoTDA’s error when any type’s call fails', async () => {
    const asked = stubService((url) =>
      url.searchParams.get('task_type') === 'unfreezeDevices'
        ? jsonResponse(400, { error_code: 'IOTDA.000017', error_msg: "Invalid input. The specified parameter 'limit' is out of range.", request_id: 'r-7' })
        : jsonResponse(200, { batchtasks: [], page: { count: 0 } }),
    );
    await expect(listBatchTasks({ limit: 20 })).rejects.toMatchObject({ status: 400, code: 'IOTDA.000017', requestId: 'r-7' });
    // The other types' calls still go out: let them end here rather than in the next test's service.
    await vi.waitFor(() => expect(asked).toHaveLength(3));
  });

  it('refuses an answer that breaks the contract', async () => {
    const asked = stubService(() => jsonResponse(200, { batchtasks: [{ task_id: 'not hex' }], page: { count: 1 } }));
    await expect(listBatchTasks({ limit: 20 })).rejects.toMatchObject({ code: CLIENT_ERROR_CODES.badResponse });
    await vi.waitFor(() => expect(asked).toHaveLength(3));
  });
});

describe('showBatchTask', () => {
  it('asks for one status of the task’s subtasks, after the marker', async () => {
    const answer = showAnswer(testTask(5), [testDetail(1, 'Fail')], 1);
    const asked = stubService(() => jsonResponse(200, answer));
    expect(await showBatchTask(taskId(5), { status: 'Fail', marker: taskId(40), limit: 50 })).toEqual(answer);
    expect(asked[0]!.url.pathname).toBe(`/v5/iot/default/batchtasks/${taskId(5)}`);
    expect(Object.fromEntries(asked[0]!.url.searchParams)).toEqual({ task_detail_status: 'Fail', marker: taskId(40), limit: '50' });
  });

  it('reports a missing task as IoTDA’s 404', async () => {
    stubService(() => jsonResponse(404, { error_code: 'IOTDA.014301', error_msg: 'The batch task does not exist.', request_id: 'r-1' }));
    await expect(showBatchTask(taskId(5), { limit: 50 })).rejects.toMatchObject({ status: 404, code: 'IOTDA.014301' });
  });
});

describe('stop and retry', () => {
  it.each([
    ['stop', stopBatchTask],
    ['retry', retryBatchTask],
  ] as const)('%s posts {} for every subtask it acts on and answers per target', async (action, call) => {
    const asked = stubService(() => jsonResponse(200, { targets: [{ target: '7_1', status: 'success' }] }));
    expect(await call(taskId(5))).toEqual({ targets: [{ target: '7_1', status: 'success' }] });
    expect(asked[0]!.url.pathname).toBe(`/v5/iot/default/batchtasks/${taskId(5)}/${action}`);
    expect(asked[0]!.init.method).toBe('POST');
    expect(asked[0]!.init.body).toBe('{}');
  });

  it('reports a refusal for the task’s status with its code and message', async () => {
    stubService(() => jsonResponse(400, { error_code: 'IOTDA.014302', error_msg: 'The batch task is Success: this operation is not allowed in that status.', request_id: 'r-2' }));
    await expect(retryBatchTask(taskId(5))).rejects.toMatchObject({ status: 400, code: 'IOTDA.014302', message: expect.stringContaining('is Success') });
  });
});

describe('readWholeTaskReport', () => {
  it('reads every page along the markers until a short one, telling how far it got', async () => {
    const pages = [
      showAnswer(testTask(5), Array.from({ length: 50 }, (_, i) => testDetail(i)), 120, taskId(1000)),
      showAnswer(testTask(5), Array.from({ length: 50 }, (_, i) => testDetail(50 + i)), 120, taskId(900)),
      showAnswer(testTask(5), Array.from({ length: 20 }, (_, i) => testDetail(100 + i, 'Fail')), 120, taskId(800)),
    ];
    const asked = stubService(() => jsonResponse(200, pages[asked.length - 1]));
    const progress: Array<[number, number]> = [];
    const details = await readWholeTaskReport(taskId(5), (read, count) => progress.push([read, count]));
    expect(details).toHaveLength(120);
    expect(details[119]).toEqual(testDetail(119, 'Fail'));
    expect(asked.map(({ url }) => url.searchParams.get('marker'))).toEqual([null, taskId(1000), taskId(900)]);
    expect(asked.every(({ url }) => url.searchParams.get('limit') === '50' && !url.searchParams.has('task_detail_status'))).toBe(true);
    expect(progress).toEqual([
      [50, 120],
      [100, 120],
      [120, 120],
    ]);
  });
});
