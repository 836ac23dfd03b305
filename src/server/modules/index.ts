import { auditModule } from './audit/index.js';
import { casesModule } from './cases/index.js';
import { dashboardModule } from './dashboard/index.js';
import { authModule } from './auth/index.js';
import { gridsModule } from './grids/index.js';
import { householdsModule } from './households/index.js';
import { importsModule } from './imports/index.js';
import type { ModuleManifest } from './manifest.js';
import { installModules } from './registry.js';
import { notificationsModule } from './notifications/index.js';
import { open311Module } from './open311/index.js';
import { placesModule } from './places/index.js';
import { staffModule } from './staff/index.js';
import { systemModule } from './system/index.js';
import { usersModule } from './users/index.js';

/** The one list of modules. The app, the demo seeder and the statistics read it; nothing else keeps one. */
export const modules: readonly ModuleManifest[] = [
  systemModule,
  authModule,
  placesModule,
  gridsModule,
  householdsModule,
  staffModule,
  importsModule,
  casesModule,
  notificationsModule,
  dashboardModule,
  usersModule,
  auditModule,
  open311Module,
];

installModules(modules);
