/** The part of @turf/jsts (Turf's build of JTS, EDL-1.0 OR EPL-1.0) that Anju uses. */
declare module '@turf/jsts' {
  type Coords = number[][][] | number[][][][];
  interface JstsGeometry {
    readonly __jsts: unique symbol;
  }
  interface GeoJsonGeometry {
    type: string;
    coordinates: Coords;
  }
  const jsts: {
    GeoJSONReader: new () => { read(g: GeoJsonGeometry): JstsGeometry };
    GeoJSONWriter: new () => { write(g: JstsGeometry): GeoJsonGeometry };
    BufferOp: { bufferOp(g: JstsGeometry, distance: number, quadrantSegments: number): JstsGeometry };
  };
  export default jsts;
}
