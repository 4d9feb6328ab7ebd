import { z } from 'zod';

/** Environment the server reads; anything else in the environment is ignored. */
const ServerEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().min(16, 'JWT_SECRET must be at least 16 characters').optional(),
  DEMO: z.enum(['0', '1']).default('1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://').optional(),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** Parses the environment; a bad value is reported in Chinese and English and stops the start. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (parsed.success) {
    const refusal = sharedSecretRefusal(parsed.data);
    if (refusal) throw new Error(refusal);
    return parsed.data;
  }
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`环境变量有误 / Invalid environment:\n${lines}`);
}

/**
 * Why a configuration must not start, or null. With shared storage or Redis, several instances
 * serve the same people, and each would otherwise generate its own secret and refuse the others'
 * tokens.
 */
export function sharedSecretRefusal(o: { DATABASE_URL?: string | undefined; REDIS_URL?: string | undefined; JWT_SECRET?: string | undefined }): string | null {
  if (o.JWT_SECRET || (!o.DATABASE_URL && !o.REDIS_URL)) return null;
  const which = o.DATABASE_URL ? 'DATABASE_URL' : 'REDIS_URL';
  return `设置了 ${which} 时必须同时设置 JWT_SECRET（各实例共用同一密钥）/ ${which} requires JWT_SECRET: every instance must sign and check tokens with the same secret`;
}
