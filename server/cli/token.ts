import { parseArgs } from 'node:util';
import { loadSigningKey, IdentitySchema, signToken } from '../auth/tokens.ts';

// `npm run --silent token -- --sub alice --name 张三 --role editor` prints a signed token.
const usage =
  'usage: npm run --silent token -- --sub <id> --name <姓名> --role owner|editor|reviewer|viewer|admin [--org CODE --org-kind department|finance --region 区划码] [--ttl seconds]';
try {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      'org-kind': { type: 'string' },
      region: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  });
  if (!values.org && (values['org-kind'] || values.region)) {
    console.error(`--org-kind 和 --region 需要与 --org 一起使用 / --org-kind and --region need --org\n${usage}`);
    process.exit(2);
  }
  const identity = IdentitySchema.safeParse({
    sub: values.sub,
    name: values.name,
    role: values.role,
    ...(values.org ? { org: values.org, orgKind: values['org-kind'] ?? 'department', region: values.region } : {}),
  });
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
