import { describe, expect, it } from 'vitest';
import { insertMention, matchMentionables, mentionAt, mentionables } from '../../client/review/mention-query.ts';

const people = [
  { sub: 'alice', name: '张三' },
  { sub: 'bob', name: '李四' },
  { sub: 'zhangsanfeng', name: '张三丰' },
  { sub: 'bob', name: '李四' },
];

describe('@mentions', () => {
  it('finds the mention being typed at the caret', () => {
    expect(mentionAt('请 @张', 4)).toEqual({ start: 2, query: '张' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('请 @张三 核对', 8)).toBeNull();
    expect(mentionAt('mail me at a@b.cn', 17)).toBeNull();
    expect(mentionAt('没有提及', 4)).toBeNull();
  });

  it('offers matching people once each, prefix matches first', () => {
    expect(matchMentionables(people, '张').map((p) => p.sub)).toEqual(['alice', 'zhangsanfeng']);
    expect(matchMentionables(people, '三丰').map((p) => p.sub)).toEqual(['zhangsanfeng']);
    expect(matchMentionables(people, 'BO').map((p) => p.sub)).toEqual(['bob']);
    expect(matchMentionables(people, '').map((p) => p.sub)).toEqual(['alice', 'bob', 'zhangsanfeng']);
    expect(matchMentionables(people, '王')).toEqual([]);
  });

  it('replaces the typed mention with the picked name and puts the caret after it', () => {
    const text = '请 @张 核对';
    const mention = mentionAt(text, 4)!;
    expect(insertMention(text, mention, 4, '张三丰')).toEqual({ text: '请 @张三丰  核对', caret: 7 });
  });

  it('offers the members and the people present, each once, never oneself', () => {
    const members = { alice: { name: '张三' }, dave: { name: '赵六' } };
    const present = [{ sub: 'bob', name: '李四' }, { sub: 'dave', name: '赵六' }, { sub: 'carol', name: '王五' }];
    expect(mentionables(members, present, 'carol')).toEqual([
      { sub: 'alice', name: '张三' },
      { sub: 'dave', name: '赵六' },
      { sub: 'bob', name: '李四' },
    ]);
    // And the people the server knows in the organisations that reach the document.
    expect(mentionables(members, present, 'carol', [{ sub: 'gina', name: '周九' }, { sub: 'carol', name: '王五' }]).map((p) => p.sub)).toEqual(['gina', 'alice', 'dave', 'bob']);
  });

  it('matches pinyin initials the server sent ("zs" → 张三), prefix first', () => {
    const known = [
      { sub: 'alice', name: '张三', initials: 'zs' },
      { sub: 'zhangsanfeng', name: '张三丰', initials: 'zsf' },
      { sub: 'carol', name: '王五', initials: 'ww' },
    ];
    expect(matchMentionables(known, 'zs').map((p) => p.name)).toEqual(['张三', '张三丰']);
    expect(matchMentionables(known, 'ZSF').map((p) => p.name)).toEqual(['张三丰']);
    expect(matchMentionables(known, 'ww').map((p) => p.name)).toEqual(['王五']);
    expect(matchMentionables(known, 'xy')).toEqual([]);
  });

  it('puts the server\'s candidates first, keeps members and people present it did not list yet', () => {
    const known = [{ sub: 'carol', name: '王五', initials: 'ww' }, { sub: 'alice', name: '张三', initials: 'zs' }];
    const members = { alice: { name: '张三' }, dave: { name: '赵六' } };
    expect(mentionables(members, [{ sub: 'bob', name: '李四' }], 'alice', known)).toEqual([
      { sub: 'carol', name: '王五', initials: 'ww' },
      { sub: 'dave', name: '赵六' },
      { sub: 'bob', name: '李四' },
    ]);
  });
});
