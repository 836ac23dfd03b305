import type { ModuleManifest } from '../manifest.js';
import { open311Routes } from './open311.routes.js';
import { open311Cli } from './open311.cli.js';

/** Open311 GeoReport v2 over the cases: services from the catalogue, requests as public case facts. */
export const open311Module: ModuleManifest = {
  name: 'open311',
  prefix: '/open311/v2',
  routes: open311Routes,
  cli: open311Cli,
};
