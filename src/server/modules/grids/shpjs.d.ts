/** shpjs ships no typings: the one call used here (a zip buffer in, GeoJSON out). */
declare module 'shpjs' {
  export default function shp(input: ArrayBuffer | Uint8Array | Buffer | string): Promise<unknown>;
}
