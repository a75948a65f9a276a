declare module 'geojson-validation' {
  /** Returns true/false, or with trace=true an array of error strings (empty when valid). */
  export function valid(obj: unknown, trace?: boolean): boolean | string[];
  const GJV: { valid: typeof valid };
  export default GJV;
}
