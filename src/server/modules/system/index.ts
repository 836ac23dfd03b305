import type { ModuleManifest } from '../manifest.js';
import { systemRoutes } from './system.routes.js';

export const systemModule: ModuleManifest = { name: 'system', routes: systemRoutes };
