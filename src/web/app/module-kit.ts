/**
 * The console's module kit: a console module is one folder under src/web/modules whose index.ts exports a
 * WebModule. src/web/modules/index.ts collects them all (import.meta.glob), and the shell builds its routes, its
 * side menu, its header and its i18n resource from them with the pure functions below, so a new module edits no
 * shared file. Kept free of the DOM (React.lazy only wraps loaders) so the unit tests run in node.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import type { Session } from './api';
import type { Capability } from './session';

/** A key of the merged message tree (shared keys plus every module's), e.g. 'nav.cases'. */
export type MessageKey = ParseKeys<'translation'>;

/**
 * Where a page is shown: 'public' needs no login (/login, /report), 'bare' needs a login but has no console
 * layout (the wall screen), 'console' is inside the console layout (menu, header).
 */
export type Shell = 'public' | 'bare' | 'console';

/** A lazy page: each page is its own chunk, downloaded when its route is first opened. */
export type PageLoader = () => Promise<{ default: ComponentType }>;

/** A loader for a page exported by name: `lazyPage(() => import('./CasesPage'), 'CasesPage')`. */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): PageLoader {
  return () => load().then((m) => ({ default: m[name] as ComponentType }));
}

export interface WebRoute {
  /** The absolute URL pattern, e.g. '/places/:code?' ('/' is the console's home). */
  path: string;
  page: PageLoader;
  /** Shown only to accounts whose role has it (403 page otherwise; the server checks again). */
  capability?: Capability;
  shell: Shell;
}

/** What menu visibility rules and labels may look at. */
export type MenuSession = Pick<Session, 'capabilities' | 'user'>;

/** A submenu: entries naming the same group key are shown under one parent item. */
export interface WebMenuGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  order: number;
}

export interface WebMenuEntry {
  /** The URL the entry opens; also the antd menu key. */
  key: string;
  /** A message key, or one chosen by the account (e.g. 随手拍 for grid workers). */
  label: MessageKey | ((session: MenuSession) => MessageKey);
  icon: ReactNode;
  /** Position among its siblings (top level, or inside its group), ascending. */
  order: number;
  group?: WebMenuGroup;
  /** Shown only with this capability. */
  capability?: Capability;
  /** Further rule (e.g. by role); both this and the capability must pass. */
  visible?: (session: MenuSession) => boolean;
  /** Path prefixes that select this entry (default: the key); the longest matching prefix wins. */
  match?: readonly string[];
}

/** Something a module shows in the console header (e.g. the inbox bell), loaded lazily. */
export interface WebHeaderItem {
  key: string;
  order: number;
  component: () => Promise<{ default: ComponentType }>;
}

/** A message subtree per language: `en` must have the same keys as `zh` (type it `typeof zh`). */
export interface WebMessages {
  zh: object;
  en: object;
}

export interface WebModule {
  /** The folder name. */
  name: string;
  routes?: readonly WebRoute[];
  menu?: readonly WebMenuEntry[];
  header?: readonly WebHeaderItem[];
  /** Top-level message subtrees (and `nav` labels) merged into the one i18next resource. */
  messages?: WebMessages;
}

/** The modules in a stable order (by name), whatever order the bundler listed them in. */
export function sortModules(modules: Iterable<WebModule>): WebModule[] {
  return [...modules].sort((a, b) => a.name.localeCompare(b.name));
}

/** The manifests out of an `import.meta.glob(..., { eager: true })` result (each file's export named `module`). */
export function collectModules(files: Record<string, unknown>): WebModule[] {
  const found: WebModule[] = [];
  for (const [file, exports] of Object.entries(files)) {
    const manifest = (exports as { module?: WebModule }).module;
    if (!manifest) throw new Error(`${file} exports no \`module\` (a WebModule)`);
    found.push(manifest);
  }
  return sortModules(found);
}

// ---- routes ----

export interface RouteDef {
  path: string;
  shell: Shell;
  capability?: Capability;
  module: string;
  Page: LazyExoticComponent<ComponentType>;
}

/** One route per module route, its page wrapped in React.lazy; two modules claiming one path is an error. */
export function buildRoutes(modules: readonly WebModule[]): RouteDef[] {
  const seen = new Map<string, string>();
  const routes: RouteDef[] = [];
  for (const m of modules) {
    for (const route of m.routes ?? []) {
      const other = seen.get(route.path);
      if (other) throw new Error(`route ${route.path} is claimed by both ${other} and ${m.name}`);
      seen.set(route.path, m.name);
      routes.push({
        path: route.path,
        shell: route.shell,
        ...(route.capability ? { capability: route.capability } : {}),
        module: m.name,
        Page: lazy(route.page),
      });
    }
  }
  return routes;
}

// ---- menu ----

/** An antd menu item (a plain object: the shell passes the list to <Menu items>). */
// type aliases, not interfaces: antd's item types have a `data-*` index signature that interfaces lack
export type MenuLeaf = { key: string; label: string; icon: ReactNode };
export type MenuParent = MenuLeaf & { children: MenuLeaf[] };
export type MenuNode = MenuLeaf | MenuParent;

function entryVisible(entry: WebMenuEntry, session: MenuSession): boolean {
  if (entry.capability && !session.capabilities.includes(entry.capability)) return false;
  return entry.visible ? entry.visible(session) : true;
}

function allEntries(modules: readonly WebModule[]): WebMenuEntry[] {
  return modules.flatMap((m) => m.menu ?? []);
}

/**
 * The side menu for this account: entries it may see, groups (shown when one of their entries is) in between,
 * all sorted by order.
 */
export function buildMenu(
  modules: readonly WebModule[],
  session: MenuSession,
  t: (key: MessageKey) => string,
): MenuNode[] {
  type Placed = { order: number; node: MenuNode };
  const top: Placed[] = [];
  const groups = new Map<string, { order: number; node: MenuParent; children: Placed[] }>();
  for (const entry of allEntries(modules)) {
    if (!entryVisible(entry, session)) continue;
    const label = typeof entry.label === 'function' ? entry.label(session) : entry.label;
    const placed = { order: entry.order, node: { key: entry.key, icon: entry.icon, label: t(label) } };
    if (!entry.group) {
      top.push(placed);
      continue;
    }
    let group = groups.get(entry.group.key);
    if (!group) {
      group = {
        order: entry.group.order,
        node: { key: entry.group.key, icon: entry.group.icon, label: t(entry.group.label), children: [] },
        children: [],
      };
      groups.set(entry.group.key, group);
      top.push(group);
    }
    group.children.push(placed);
  }
  for (const group of groups.values()) {
    group.node.children = group.children.sort((a, b) => a.order - b.order).map((c) => c.node);
  }
  return top.sort((a, b) => a.order - b.order).map((p) => p.node);
}

/**
 * The menu key to highlight for a path: the entry with the longest matching prefix (every entry, seen or not,
 * so a page the account cannot open highlights nothing rather than something else); '/' when none matches.
 */
export function selectedMenuKey(modules: readonly WebModule[], pathname: string): string {
  let best = '/';
  let bestLength = 0;
  for (const entry of allEntries(modules)) {
    for (const prefix of entry.match ?? [entry.key]) {
      if (prefix !== '/' && pathname.startsWith(prefix) && prefix.length > bestLength) {
        best = entry.key;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** The submenus to open at first: the group of the highlighted entry. */
export function openMenuKeys(modules: readonly WebModule[], pathname: string): string[] {
  const key = selectedMenuKey(modules, pathname);
  const group = allEntries(modules).find((e) => e.key === key)?.group;
  return group ? [group.key] : [];
}

// ---- header ----

export interface HeaderDef {
  key: string;
  Component: LazyExoticComponent<ComponentType>;
}

export function buildHeaderItems(modules: readonly WebModule[]): HeaderDef[] {
  return modules
    .flatMap((m) => m.header ?? [])
    .sort((a, b) => a.order - b.order)
    .map((item) => ({ key: item.key, Component: lazy(item.component) }));
}

// ---- messages ----

function isTree(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: Record<string, unknown>, part: Record<string, unknown>, where: string): void {
  for (const [key, value] of Object.entries(part)) {
    const path = where ? `${where}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = isTree(value) ? mergeTree({}, value, path) : value;
    else if (isTree(existing) && isTree(value)) mergeInto(existing, value, path);
    else throw new Error(`message key ${path} is defined twice`);
  }
}

function mergeTree(target: Record<string, unknown>, part: Record<string, unknown>, where: string) {
  mergeInto(target, part, where);
  return target;
}

/**
 * One language's resource: the shared messages with every module's subtrees merged in (deeply, so modules may
 * add labels under `nav`); a key defined twice is an error. The inputs are not changed.
 */
export function mergeMessages(
  shared: object,
  parts: readonly (object | undefined)[],
): Record<string, unknown> {
  const result = mergeTree({}, shared as Record<string, unknown>, '');
  for (const part of parts) if (part) mergeInto(result, part as Record<string, unknown>, '');
  return result;
}
