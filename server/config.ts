import { z } from 'zod';

/** Environment the server reads; anything else in the environment is ignored. */
const ServerEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().min(16, 'JWT_SECRET must be at least 16 characters').optional(),
  DEMO: z.enum(['0', '1']).default('1'),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** Parses the environment; a bad value is reported in Chinese and English and stops the start. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`环境变量有误 / Invalid environment:\n${lines}`);
}
