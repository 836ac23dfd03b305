#!/usr/bin/env node
// The `louyuan` command: runs the TypeScript CLI through tsx, so there is no separate server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
