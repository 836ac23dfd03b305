import { registerErrors } from '../http/messages.js';
import { registerCapabilities } from '../policy/capabilities.js';
import type { ModuleManifest } from './manifest.js';

/**
 * The installed modules: what the app, the CLI, the migrator, the place tree and the grids read the modules'
 * contributions from. `modules/index.ts` installs its list when it is first imported (every entry point imports
 * it); a test may install a longer list (with a module of its own) through `buildApp({ modules })`.
 */
let installed: readonly ModuleManifest[] | null = null;

export function installModules(list: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const module of list) {
    if (names.has(module.name)) throw new Error(`Module ${module.name} is listed twice`);
    names.add(module.name);
    if (module.capabilities) registerCapabilities(module.capabilities, module.name);
    if (module.errors) registerErrors(module.errors, module.name);
  }
  installed = list;
}

export function installedModules(): readonly ModuleManifest[] {
  if (!installed) {
    throw new Error(
      'No module list is installed: import src/server/modules/index.ts before using the modules',
    );
  }
  return installed;
}
