#!/usr/bin/env node
// `npm start`: the one command a new user runs. Installs dependencies when missing or stale, builds the web
// console when its sources changed, then runs `louyuan start` (migrate, seed the demo on first run, serve).
// Plain JavaScript on purpose: it must run before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Louyuan needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function hashFiles(entries) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const entry of entries) walk(path.join(root, entry));
  return hash.digest('hex');
}

function run(args, what) {
  console.log(`> npm ${args.join(' ')}   (${what})`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm ${args.join(' ')} failed; fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

// 1. Dependencies: installed from the lock file, again whenever the lock file changes.
const depsStamp = path.join(root, 'node_modules', '.louyuan-deps');
const depsHash = hashFiles(['package-lock.json']);
if (!fs.existsSync(depsStamp) || fs.readFileSync(depsStamp, 'utf8') !== depsHash) {
  run(['ci', '--no-audit', '--no-fund'], 'installing dependencies');
  fs.writeFileSync(depsStamp, depsHash);
}

// 2. The web console: rebuilt when its sources, shared code or the lock file change.
const webStamp = path.join(root, 'dist', 'web', '.louyuan-build');
const webHash = hashFiles([
  'src/web',
  'src/shared',
  'vite.config.ts',
  'tsconfig.web.json',
  'package-lock.json',
]);
if (!fs.existsSync(webStamp) || fs.readFileSync(webStamp, 'utf8') !== webHash) {
  run(['run', 'build:web'], 'building the web console');
  fs.writeFileSync(webStamp, webHash);
}

// 3. The server.
const child = spawn(process.execPath, [path.join(root, 'bin', 'louyuan.mjs'), 'start'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
