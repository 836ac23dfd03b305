import { randomBytes } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';

let t: TestApp;
const s: Record<string, Session> = {};
const PHOTO_LIMIT = 300_000;

interface Photo {
  id: number;
  stage: string;
  lng: number | null;
  lat: number | null;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
}

/** multipart/form-data with a stage field and one file. */
function form(fileName: string, bytes: Buffer, stage: string) {
  const boundary = `----louyuan${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="stage"\r\n\r\n${stage}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(who: Session, caseId: number, fileName: string, bytes: Buffer, stage = 'before') {
  const body = form(fileName, bytes, stage);
  return who.request('POST', `/api/cases/${caseId}/photos`, body.payload, body.headers);
}

/** A real camera-like JPEG: 1600×1200 with GPS (34°45'36"N 113°37'12"E, Zhengzhou) and DateTimeOriginal. */
async function jpegWithGps(red = 180): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: red, g: 120, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Louyuan', Model: 'Test camera' },
      IFD2: { DateTimeOriginal: '2026:11:20 09:30:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '34/1 45/1 36/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '113/1 37/1 12/1',
      },
    })
    .toBuffer();
}

/** A point in a micro-grid grid1 serves (community1's community). */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat } = await pointServedBy(t.database.db);
  return { lng, lat };
}

async function report(who: Session, categoryCode: string, description: string) {
  const res = await who.request('POST', '/api/cases', {
    categoryCode,
    description,
    ...(await pointInGrid1()),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: { id: number; version: number } }>().case;
}

async function step(who: Session, c: { id: number; version: number }, body: Record<string, unknown>) {
  return who.request('POST', `/api/cases/${c.id}/transitions`, { version: c.version, ...body });
}

beforeAll(async () => {
  t = await createTestApp({ photoLimit: PHOTO_LIMIT });
  for (const u of ['community1', 'community3', 'grid1', 'resident1']) s[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('evidence photos', () => {
  it('stores GPS and time from EXIF, serves a public copy without EXIF and a thumbnail of at most 320 px', async () => {
    const c = await report(s.resident1!, '1006', '楼道灯坏了，晚上很黑');
    const original = await jpegWithGps();
    const res = await upload(s.resident1!, c.id, 'IMG_0001.JPG', original, 'before');
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json<Photo>();
    expect(photo.stage).toBe('before');
    expect(photo.lat).toBeCloseTo(34.76, 5);
    expect(photo.lng).toBeCloseTo(113.62, 5);
    expect([photo.width, photo.height]).toEqual([1600, 1200]);
    const row = await t.database.db
      .selectFrom('case_photo')
      .selectAll()
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    expect(row.mime).toBe('image/jpeg');
    expect(row.taken_at).toBeInstanceOf(Date);
    // the camera's wall clock (no zone in EXIF) read as Beijing time
    expect(row.taken_at!.toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(row.bytes).toBe(original.length);

    // the reporter sees the public copy: a JPEG without any EXIF
    const full = await s.resident1!.request('GET', photo.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(String(full.headers['cache-control'])).toContain('private');
    const shown = full.rawPayload;
    expect((await sharp(shown).metadata()).format).toBe('jpeg');
    expect(await exifr.gps(shown).catch(() => undefined)).toBeUndefined();
    expect(await exifr.parse(shown).catch(() => undefined)).toBeUndefined();

    const thumb = await s.resident1!.request('GET', photo.thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width!, meta.height!)).toBe(320);

    // staff read the original (EXIF and all, audited); the reporter may not
    const staff = await s.community1!.request('GET', `${photo.url}?original=true`);
    expect(staff.statusCode).toBe(200);
    expect(Buffer.compare(staff.rawPayload, original)).toBe(0);
    expect((await exifr.gps(staff.rawPayload)).latitude).toBeCloseTo(34.76, 5);
    expect((await s.resident1!.request('GET', `${photo.url}?original=true`)).statusCode).toBe(403);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(c.id))
      .where('action', 'in', ['case.photo.add', 'case.photo.original'])
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['case.photo.add', 'case.photo.original']);

    // a reporter adds 'before' and 'update' photos, never the handler's 'after' evidence
    expect((await upload(s.resident1!, c.id, 'x.jpg', await jpegWithGps(30), 'after')).statusCode).toBe(403);
    // the same bytes again are the same photo
    const again = await upload(s.resident1!, c.id, 'copy.jpg', original, 'before');
    expect(again.json<Photo>().id).toBe(photo.id);
    // and the case shows it
    const detail = (await s.resident1!.request('GET', `/api/cases/${c.id}`)).json<{ photos: Photo[] }>();
    expect(detail.photos.map((p) => p.id)).toEqual([photo.id]);
  });

  it('decides the type by content: a PNG named .jpg is a PNG, a text file named .jpg is refused with 415', async () => {
    const c = await report(s.community1!, '1002', '楼道堆放杂物');
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const res = await upload(s.community1!, c.id, 'photo.jpg', png, 'update');
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json<Photo>();
    const row = await t.database.db
      .selectFrom('case_photo')
      .select(['mime', 'lng'])
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ mime: 'image/png', lng: null });
    const served = await s.community1!.request('GET', photo.url);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await sharp(served.rawPayload).metadata()).format).toBe('png');

    const text = await upload(
      s.community1!,
      c.id,
      'photo.jpg',
      Buffer.from('这不是图片 not an image\n'.repeat(20)),
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_IMAGE');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await upload(s.community1!, c.id, 'x.png', gif)).statusCode).toBe(415);
    const bad = await upload(s.community1!, c.id, 'a.jpg', png, 'sideways');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a file above the limit with 413 and stores nothing', async () => {
    const c = await report(s.community1!, '1002', '楼道堆放纸箱');
    const noise = await sharp(randomBytes(400 * 400 * 3), { raw: { width: 400, height: 400, channels: 3 } })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(PHOTO_LIMIT);
    const res = await upload(s.community1!, c.id, 'big.png', noise);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    const rows = await t.database.db
      .selectFrom('case_photo')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('shows photos only to those who see the case', async () => {
    const c = await report(s.community1!, '1002', '单元门口堆放建筑垃圾');
    const res = await upload(s.community1!, c.id, 'p.jpg', await jpegWithGps());
    const photo = res.json<Photo>();
    expect((await s.community1!.request('GET', photo.url)).statusCode).toBe(200);
    for (const who of ['resident1', 'community3']) {
      const seen = await s[who]!.request('GET', photo.url);
      expect(seen.statusCode, who).toBe(404);
      expect((await s[who]!.request('GET', `${photo.url}?size=thumb`)).statusCode, who).toBe(404);
    }
    // and lets only those who may act add any
    expect((await upload(s.resident1!, c.id, 'p.jpg', await jpegWithGps())).statusCode).toBe(404);
    expect((await upload(s.community3!, c.id, 'p.jpg', await jpegWithGps())).statusCode).toBe(404);
    // a photo of another case under this case's id is not found
    const other = await report(s.community1!, '1002', '另一处堆放');
    expect((await s.community1!.request('GET', `/api/cases/${other.id}/photos/${photo.id}`)).statusCode).toBe(
      404,
    );
  });

  it("refuses 'handle' on a category that needs an after photo until one is uploaded", async () => {
    let c = await report(s.community1!, '1001', '楼下有人飞线给电动车充电');
    const accept = await step(s.community1!, c, { action: 'accept' });
    expect(accept.statusCode, accept.body).toBe(200);
    c = accept.json();
    const dispatch = await step(s.community1!, c, {
      action: 'dispatch',
      handler: { kind: 'grid_worker', userId: s.grid1!.user.id },
    });
    expect(dispatch.statusCode, dispatch.body).toBe(200);
    c = dispatch.json();
    c = (await step(s.grid1!, c, { action: 'start' })).json();
    const refused = await step(s.grid1!, c, { action: 'handle', note: '已剪除飞线' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('EVIDENCE_REQUIRED');
    // a 'before' photo does not count
    expect((await upload(s.community1!, c.id, 'b.jpg', await jpegWithGps(10), 'before')).statusCode).toBe(
      200,
    );
    expect((await step(s.grid1!, c, { action: 'handle', note: '已剪除飞线' })).statusCode).toBe(422);
    const after = await upload(s.grid1!, c.id, 'after.jpg', await jpegWithGps(20), 'after');
    expect(after.statusCode, after.body).toBe(200);
    const handled = await step(s.grid1!, c, {
      action: 'handle',
      note: '已剪除飞线',
      photoIds: [after.json<Photo>().id],
    });
    expect(handled.statusCode, handled.body).toBe(200);
    const detail = handled.json<{ status: string; timeline: { action: string; photoIds: number[] }[] }>();
    expect(detail.status).toBe('handled');
    expect(detail.timeline.find((e) => e.action === 'handle')?.photoIds).toEqual([after.json<Photo>().id]);
  });
});
