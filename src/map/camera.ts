/** A map view: what a link or an export needs to reopen the same picture. */
export interface Camera {
  /** [lon, lat] in degrees (WGS-84). */
  center: [number, number];
  zoom: number;
  /** Degrees clockwise from north. */
  bearingDeg: number;
  pitchDeg: number;
}

/** Padding in CSS px around a fitted box (e.g. room for a caption panel). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
