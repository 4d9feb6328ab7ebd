import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../../server/auth/tokens.ts';
import type { LibraryItem } from '../../../shared/library/index.ts';
import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';
import { makeDocx } from '../../fixtures/office/make-docx.ts';
import { setIndicatorField } from '../../../shared/model/index.ts';
import { connectClient } from '../../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { budgetWithRows, CURATED_HEADER, curatedCsv, curatedXlsx } from './library-fixtures.ts';

const REGION = '130225';
const people: Record<string, Identity> = {
  alice: { sub: 'alice', name: '张三', role: 'owner', org: 'lt-zfb', orgKind: 'department', region: REGION },
  bob: { sub: 'bob', name: '李四', role: 'viewer', org: 'lt-zfb', orgKind: 'department', region: REGION },
  frank: { sub: 'frank', name: '孙八', role: 'owner', org: 'lt-jgsw', orgKind: 'department', region: REGION },
  dave: { sub: 'dave', name: '赵六', role: 'reviewer', org: 'lt-czj', orgKind: 'finance', region: REGION },
  zed: { sub: 'zed', name: '遵化财政', role: 'reviewer', org: 'zh-czj', orgKind: 'finance', region: '130281' },
  root: { sub: 'root', name: '管理员', role: 'admin' },
};

const row = (level2: string, name: string, description: string, value = '', basis = '', level1 = '产出指标') => ({ level1, level2, name, description, value, basis });

describe('the indicator library: reach, dedup, search, curated import', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const create = async (who: string, text: BudgetText) => ((await api(server, 'POST', '/api/docs', { token: tokens[who], body: text })).body as { id: string }).id;
  const library = async (who: string, query = '') => {
    const res = await api(server, 'GET', `/api/library${query}`, { token: tokens[who] });
    expect(res.status).toBe(200);
    return (res.body as { items: LibraryItem[] }).items;
  };
  const names = async (who: string, query = '') => (await library(who, query)).map((i) => i.name);
  const upload = async (who: string, bytes: Uint8Array) => {
    const res = await fetch(`${server.url}/api/library/import`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/octet-stream' }, body: Buffer.from(bytes) });
    return { status: res.status, body: (await res.json()) as { imported?: number; error?: { code: string; zh: string; en: string } } };
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const [sub, identity] of Object.entries(people)) tokens[sub] = await signToken(server.key, identity);
    await create('alice', budgetWithRows([row('数量指标', '办公室专属文件数', '年度印发文件', '≥120份', '工作计划')], '县政府办文本一'));
    // The same indicator written with other spaces and full-width brackets: one entry, used twice here.
    await create('alice', budgetWithRows([row('数量指标', ' 办公室专属文件数', '年度印发文件', '≥150份', '上年实际'), row('数量指标', '会议次数', '年度会议（次）', '≥12次')], '县政府办文本二'));
    await create('alice', budgetWithRows([row('数量指标', '办公室专属文件数', '年度印发  文件', '≥150份', '上年实际'), row('数量 指标', '会议次数', '年度会议(次)', '≥12次')], '县政府办文本三'));
    await create('frank', budgetWithRows([row('质量指标', '事务中心专属维修合格率', '维修验收合格', '≥98%', '运维合同')], '机关事务中心文本'));
  });

  it('lists only rows of documents within reach: a department its own, the finance bureau its region’s', async () => {
    expect(await names('bob')).toContain('办公室专属文件数');
    expect(await names('bob')).not.toContain('事务中心专属维修合格率');
    expect(await names('frank')).toContain('事务中心专属维修合格率');
    expect(await names('frank')).not.toContain('办公室专属文件数');
    const reviewer = await names('dave', '?limit=200');
    expect(reviewer).toEqual(expect.arrayContaining(['办公室专属文件数', '事务中心专属维修合格率']));
    expect(await library('zed')).toEqual([]);
    expect(await library('root')).toEqual([]);
    expect((await api(server, 'GET', '/api/library')).status).toBe(401);
  });

  it('deduplicates by (二级, 三级, 描述) across spacing and full-width forms, counting uses and the typical value', async () => {
    const items = await library('alice', '?q=办公室专属');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '办公室专属文件数', value: '≥150份', basis: '上年实际', uses: 3, curated: false });
    const meetings = await library('alice', '?q=会议次数');
    expect(meetings).toEqual([expect.objectContaining({ uses: 2, value: '≥12次' })]);
    // The small text's own rows are in each of the three documents.
    expect((await library('alice', '?q=接待批次'))[0]).toMatchObject({ name: '接待批次', uses: 3, value: '≥45批次' });
    expect((await library('dave', '?q=接待批次'))[0]).toMatchObject({ uses: 4 });
  });

  it('follows edits: a document created later, and a row renamed by an editor over the WebSocket', async () => {
    expect(await library('frank', `?q=${encodeURIComponent('新建后的指标')}`)).toEqual([]);
    await create('frank', budgetWithRows([row('数量指标', '新建后的指标', '后来新建', '1项')], '机关事务中心文本二'));
    expect(await names('frank', `?q=${encodeURIComponent('新建后的指标')}`)).toEqual(['新建后的指标']);
    const id = await create('frank', budgetWithRows([], '机关事务中心文本三'));
    const client = connectClient(server.wsUrl, id, tokens['frank'] as string);
    await client.synced;
    // Searched while open: the document's rows are remembered before the edit.
    expect(await names('frank', `?q=${encodeURIComponent('协同改名')}`)).toEqual([]);
    setIndicatorField(client.doc, 'p-reception', 'r-qty', 'name', '协同改名的指标');
    await client.acknowledged();
    // Open documents are re-read every few seconds; polled, not timed.
    await expect.poll(() => names('frank', `?q=${encodeURIComponent('协同改名')}`), { timeout: 20_000, interval: 500 }).toEqual(['协同改名的指标']);
    client.destroy();
    expect(await names('alice', `?q=${encodeURIComponent('协同改名')}`)).toEqual([]);
  });

  it('finds by pinyin initials and keyword, filters by 二级指标 and limits', async () => {
    expect((await names('alice', '?q=jdpc'))[0]).toBe('接待批次');
    expect((await names('alice', '?q=JDPC'))[0]).toBe('接待批次');
    const sl = await library('alice', '?q=sl&limit=200');
    expect(sl.map((i) => i.name)).toEqual(expect.arrayContaining(['接待批次', '接入车辆数', '办公室专属文件数']));
    expect(sl.map((i) => i.name)).not.toContain('接待经费');
    expect(await names('alice', `?q=${encodeURIComponent('满意')}`)).toEqual(expect.arrayContaining(['接待对象满意度', '用车单位满意度']));
    const quantity = await library('alice', `?level2=${encodeURIComponent('数量指标')}&limit=200`);
    expect(quantity.length).toBeGreaterThan(2);
    expect(quantity.every((i) => i.level2.replace(/\s/g, '') === '数量指标')).toBe(true);
    expect(await library('alice', '?limit=2')).toHaveLength(2);
    expect((await library('alice', '?limit=100000')).length).toBeLessThanOrEqual(200);
    expect((await api(server, 'GET', '/api/library?limit=abc', { token: tokens['alice'] })).status).toBe(400);
  });

  it('imports a curated list from CSV and from .xlsx; everyone signed in sees it, ranked before document rows', async () => {
    const csv = curatedCsv([
      ['产出指标', '数量指标', '培训人次', '年度培训人次', '≥200人次', '培训计划', '实际参训人次之和'],
      ['产出指标', '数量指标', '接待批次', '年度接待批次', '≥40批次', '上年实际', '全年接待批次'],
      ['效益指标', '社会效益指标', '政策知晓率', '群众对政策的知晓程度', '≥90%', '问卷调查', '知晓人数/调查人数×100%'],
    ]);
    expect(await upload('root', csv)).toEqual({ status: 200, body: { imported: 3 } });
    const training = await library('frank', '?q=pxrc');
    expect(training[0]).toEqual({ level1: '产出指标', level2: '数量指标', name: '培训人次', description: '年度培训人次', value: '≥200人次', basis: '培训计划', uses: 0, curated: true, explanation: '实际参训人次之和' });
    // Curated and used: one entry, the curated value, the documents' uses.
    expect((await library('alice', '?q=接待批次'))[0]).toMatchObject({ curated: true, value: '≥40批次', uses: 3 });
    expect((await library('root', '?limit=200')).map((i) => i.name).sort()).toEqual(['培训人次', '接待批次', '政策知晓率'].sort());
    // Same match quality (a word inside 三级指标): the curated entry comes first.
    const rate = await names('alice', `?q=${encodeURIComponent('率')}&limit=200`);
    expect(rate[0]).toBe('政策知晓率');

    // An .xlsx replaces the list whole; merged 一级/二级 cells apply to every row of their range.
    const xlsx = await curatedXlsx(
      [
        ['产出指标', '质量指标', '验收合格率', '项目验收合格', '=100%', '验收标准', '合格项目数/验收项目数'],
        ['', '', '设备完好率', '设备完好', '≥95%', '行业标准', ''],
        ['效益指标', '可持续影响指标', '长效机制', '建立长效管理机制', '健全', '工作计划', ''],
      ],
      ['A2:A3', 'B2:B3'],
    );
    expect(await upload('root', xlsx)).toEqual({ status: 200, body: { imported: 3 } });
    const curated = (await library('bob', '?limit=200')).filter((i) => i.curated);
    expect(curated.map((i) => [i.level1, i.level2, i.name])).toEqual(
      expect.arrayContaining([
        ['产出指标', '质量指标', '验收合格率'],
        ['产出指标', '质量指标', '设备完好率'],
        ['效益指标', '可持续影响指标', '长效机制'],
      ]),
    );
    expect(curated).toHaveLength(3);

    // A GB18030 CSV as Excel on a Chinese Windows saves it, with 计算公式 for 指标解释.
    const gbHeader = [...CURATED_HEADER.slice(0, 6), '计算公式'];
    const gb = await gb18030(`${gbHeader.join(',')}\r\n产出指标,时效指标,完成及时率,按时完成,=100%,工作计划,按时完成数/总数\r\n`);
    expect(await upload('root', gb)).toEqual({ status: 200, body: { imported: 1 } });
    expect((await library('frank', '?q=wcjsl'))[0]).toMatchObject({ name: '完成及时率', explanation: '按时完成数/总数', curated: true });
  });

  it('refuses bad files with a bilingual 400 and keeps the list; only an admin imports', async () => {
    expect((await upload('root', curatedCsv([['产出指标', '数量指标', '基准指标', '基准', '1', '', '']]))).status).toBe(200);
    const before = (await library('root', '?limit=200')).map((i) => i.name);
    expect(before).toEqual(['基准指标']);
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(48 * 1024 * 1024) });
    const bad: Array<[string, Uint8Array, RegExp]> = [
      ['empty', new Uint8Array(0), /空/],
      ['no header', new TextEncoder().encode('这是一份通知\n各科室：请按时报送。\n'), /找不到表头/],
      ['missing columns', curatedCsv([['数量指标', '培训人次']], ['二级指标', '三级指标']), /缺少必需的列：一级指标、绩效指标描述、指标值/],
      ['header only', curatedCsv([]), /没有指标行/],
      ['a .docx', makeDocx([{ p: '关于召开年度工作会议的通知' }]), /CSV.*xlsx/],
      ['binary junk', new Uint8Array([1, 2, 0, 3, 255, 0, 7]), /CSV.*xlsx/],
      ['zip bomb', bomb, /压缩炸弹/],
      ['too big', new Uint8Array(5 * 1024 * 1024).fill(65), /超过 4 MB/],
    ];
    for (const [kind, bytes, zh] of bad) {
      const res = await upload('root', bytes);
      expect(res.status, kind).toBe(400);
      expect(res.body.error?.zh, kind).toMatch(zh);
      expect(res.body.error?.en, kind).toMatch(/[a-z]/);
    }
    for (const who of ['alice', 'dave', 'frank']) expect((await upload(who, curatedCsv([['产出指标', '数量指标', '越权', '越权', '1', '', '']]))).status).toBe(403);
    expect((await library('root', '?limit=200')).map((i) => i.name)).toEqual(before);
    // Stored: a restarted server has the same list.
    server = await server.restart();
    expect((await library('root', '?limit=200')).map((i) => i.name)).toEqual(before);
  });
});

/** `text` encoded as GB18030 (Node's TextEncoder writes only UTF-8): by iconv in the system, one call. */
async function gb18030(text: string): Promise<Uint8Array> {
  const { execFileSync } = await import('node:child_process');
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
}
