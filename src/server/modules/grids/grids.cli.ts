import fs from 'node:fs';
import type { Command } from 'commander';
import { sealPending } from '../../core/audit-trail.js';
import type { CliKit } from '../manifest.js';
import { checkGridCoverage } from './grids.check.js';
import { exportFeatureCollection, exportShapefile, importGrids, shapefileToGeoJson } from './grids.files.js';

/** `louyuan grids check | export | import`. The command line acts as the district administrator at the root. */
export function gridsCli(program: Command, kit: CliKit): void {
  const grids = program.command('grids').description('Grids');
  grids
    .command('check')
    .description(
      'Coverage check: gaps and overlaps between siblings, children outside their parent, grids outside the ' +
        'district, invalid polygons, household counts out of range. Exit 1 when the map itself is wrong.',
    )
    .option('--json', 'print the whole report as JSON (counts per kind/level and every finding)')
    .action(async (options: { json?: boolean }) => {
      await kit.withDatabase(async (database) => {
        const report = await checkGridCoverage(database.db, kit.config.gridHouseholds);
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
        } else {
          console.log('Grids by kind/level:');
          for (const [key, n] of Object.entries(report.counts).sort())
            console.log(`  ${key.padEnd(14)} ${n}`);
          console.log(`Findings (${report.findings.length}, checked in ${report.ms} ms):`);
          if (report.findings.length === 0) console.log('  none');
          for (const [type, n] of Object.entries(report.byType)) {
            const first = report.findings.find((f) => f.type === type);
            console.log(
              `  ${type.padEnd(24)} ${String(n).padStart(5)}   e.g. ${first?.grids.join(', ')}: ${first?.detail} ` +
                `(${first?.areaM2} m² at ${first?.location.join(', ')})`,
            );
          }
        }
        if (report.geometryFindings > 0) process.exitCode = 1;
      });
    });

  grids
    .command('export')
    .description('Write the grids as a GeoJSON FeatureCollection or an ESRI Shapefile zip')
    .option('--format <format>', 'geojson or shapefile', 'geojson')
    .requiredOption('--out <file>', 'the file to write')
    .option('--level <n>', 'only this level (1–4)')
    .option('--kind <kind>', 'only this kind: base, specialised, economic or kinship')
    .action(async (options: { format: string; out: string; level?: string; kind?: string }) => {
      if (!['geojson', 'shapefile'].includes(options.format))
        throw new Error('--format: geojson or shapefile');
      const level = options.level === undefined ? undefined : Number(options.level);
      if (level !== undefined && ![1, 2, 3, 4].includes(level)) throw new Error('--level: 1, 2, 3 or 4');
      if (options.kind && !['base', 'specialised', 'economic', 'kinship'].includes(options.kind))
        throw new Error('--kind: base, specialised, economic or kinship');
      const filter = {
        ...(level ? { level } : {}),
        ...(options.kind ? { kind: options.kind as 'base' } : {}),
      };
      await kit.withDatabase(async (database) => {
        const ctx = await kit.cliContext(database);
        if (options.format === 'shapefile') {
          const zip = await exportShapefile(database.db, ctx.actor, filter);
          fs.writeFileSync(options.out, zip);
          console.log(`Wrote ${options.out} (Shapefile zip, ${zip.length} bytes).`);
        } else {
          const fc = await exportFeatureCollection(database.db, ctx.actor, filter);
          fs.writeFileSync(options.out, JSON.stringify(fc));
          console.log(`Wrote ${options.out}: ${fc.features.length} grids.`);
        }
      });
    });

  grids
    .command('import <file>')
    .description(
      'Import a GeoJSON FeatureCollection (or a Shapefile .zip) as one versioned adjustment: known leaf grids are ' +
        'redrawn, new codes added under their parentCode. Everything is checked first; exit 1 with the findings.',
    )
    .option('--dry-run', 'check only: print the findings and the households that would move')
    .option('--reason <text>', 'why (recorded with the adjustment)')
    .option('--json', 'print the whole result as JSON')
    .action(async (file: string, options: { dryRun?: boolean; reason?: string; json?: boolean }) => {
      const raw = fs.readFileSync(file);
      const shapefile = file.toLowerCase().endsWith('.zip');
      await kit.withDatabase(async (database) => {
        const ctx = await kit.cliContext(database);
        let input: unknown;
        if (shapefile) input = await shapefileToGeoJson(raw);
        else {
          try {
            input = JSON.parse(raw.toString('utf8'));
          } catch (error) {
            throw new Error(`${file}: not JSON (${(error as Error).message})`);
          }
        }
        let result;
        try {
          result = await importGrids(ctx, input, {
            dryRun: options.dryRun ?? false,
            source: shapefile ? 'shapefile' : 'geojson',
            ...(options.reason ? { reason: options.reason } : {}),
          });
        } catch (error) {
          const e = error as { code?: string; fields?: { path: string; message: string }[] };
          if (e.code === 'INVALID_GEOJSON' || e.code === 'COVERAGE_BROKEN') {
            console.log(`Refused: nothing was changed. Findings (${e.fields?.length ?? 0}):`);
            for (const f of e.fields ?? []) console.log(`  ${f.path.padEnd(16)} ${f.message}`);
            process.exitCode = 1;
            return;
          }
          throw error;
        } finally {
          await ctx.app.sealer.stop();
          await sealPending(database.db);
        }
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(
            `${result.dryRun ? 'Dry run' : 'Imported'}: ${result.features} features, ${result.unchanged} unchanged, ` +
              `${result.updated.length} redrawn, ${result.created.length} new, ${result.moves.total} households moving` +
              (result.adjustmentId ? ` (adjustment #${result.adjustmentId})` : ''),
          );
          if (result.findings.length > 0) console.log(`Findings (${result.findings.length}):`);
          for (const f of result.findings) {
            console.log(
              `  feature ${String(f.featureIndex ?? '-').padEnd(6)} ${(f.code ?? '-').padEnd(18)} ${f.type}: ${f.reason}` +
                (f.location ? ` @ ${f.location.map((x) => x.toFixed(6)).join(', ')}` : ''),
            );
          }
        }
        if (!result.ok) process.exitCode = 1;
      });
    });
}
