import { parseArgs } from 'node:util';
import { loadSigningKey, IdentitySchema, signToken } from '../auth/tokens.ts';

// `npm run --silent token -- --sub alice --name 张三 --role editor` prints a signed token.
const usage = 'usage: npm run --silent token -- --sub <id> --name <姓名> --role owner|editor|reviewer|viewer [--ttl seconds]';
try {
  const { values } = parseArgs({
    options: { sub: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, ttl: { type: 'string' } },
    strict: true,
  });
  const identity = IdentitySchema.safeParse({ sub: values.sub, name: values.name, role: values.role });
  if (!identity.success) {
    console.error(`参数有误 / invalid arguments: ${identity.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}\n${usage}`);
    process.exit(2);
  }
  const ttl = values.ttl ? Number(values.ttl) : undefined;
  const key = await loadSigningKey(process.env['DATA_DIR'] ?? './data', process.env['JWT_SECRET'] || undefined);
  console.log(await signToken(key, identity.data, ttl));
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
