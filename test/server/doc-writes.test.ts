import { describe, expect, it } from 'vitest';
import { JixiaoError } from '../../shared/errors.ts';
import { DocWrites, isStatusChanging } from '../../server/collab/doc-writes.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('the content writes under way, and the hold of a status change', () => {
  it('settles only when no write of the document is under way, even one that started after the last ended', async () => {
    const writes = new DocWrites();
    let settled = false;
    writes.enter('a');
    writes.enter('b');
    void writes.settled('a').then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    writes.leave('a');
    // Another write starts before the next macrotask: still not settled.
    writes.enter('a');
    await tick();
    await tick();
    expect(settled).toBe(false);
    writes.leave('a');
    await tick();
    await tick();
    // Document b's write does not matter to a.
    expect(settled).toBe(true);
    let quiet = false;
    void writes.settled('c').then(() => (quiet = true));
    await tick();
    await tick();
    expect(quiet).toBe(true);
  });

  it('refuses API writes while a hold is on, bilingually, and holds nest', async () => {
    const writes = new DocWrites();
    const first = writes.hold('a');
    const second = writes.hold('a');
    expect(() => writes.refuseIfHeld('a')).toThrow(JixiaoError);
    let ran = false;
    const refused = await writes.during('a', async () => (ran = true)).catch((error: unknown) => error);
    expect(ran).toBe(false);
    expect(refused).toMatchObject({ code: 'CONFLICT', zh: expect.stringContaining('状态正在变更'), en: expect.stringContaining('status is changing') });
    expect(isStatusChanging(refused)).toBe(true);
    expect(isStatusChanging(new JixiaoError({ code: 'CONFLICT', zh: '冲突', en: 'conflict' }))).toBe(false);
    expect(() => writes.refuseIfHeld('b')).not.toThrow();
    first();
    first();
    expect(writes.isHeld('a')).toBe(true);
    second();
    expect(writes.isHeld('a')).toBe(false);
    expect(() => writes.refuseIfHeld('a')).not.toThrow();
  });

  it('counts an API write as under way from its checks to its end', async () => {
    const writes = new DocWrites();
    let finish: () => void = () => undefined;
    const write = writes.during('a', () => new Promise<void>((resolve) => (finish = resolve)));
    let settled = false;
    void writes.settled('a').then(() => (settled = true));
    await tick();
    await tick();
    expect(settled).toBe(false);
    finish();
    await write;
    await tick();
    await tick();
    expect(settled).toBe(true);
  });

  it('waits for a quiet moment a while, then holds the document until it comes', async () => {
    const writes = new DocWrites();
    expect(writes.isHeld('a')).toBe(false);
    const soon = await writes.quiet('a', 50);
    expect(writes.isHeld('a')).toBe(false);
    soon();
    writes.enter('a');
    let release: (() => void) | undefined;
    void writes.quiet('a', 30).then((r) => (release = r));
    await new Promise((r) => setTimeout(r, 60));
    // Never quiet within its patience: new content is refused until the write under way ends.
    expect(writes.isHeld('a')).toBe(true);
    expect(release).toBeUndefined();
    writes.leave('a');
    await waitForValue(() => release);
    release?.();
    expect(writes.isHeld('a')).toBe(false);
  });
});

async function waitForValue(read: () => unknown): Promise<void> {
  for (let i = 0; i < 100 && !read(); i++) await tick();
  expect(read()).toBeTruthy();
}
