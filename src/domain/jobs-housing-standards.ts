/**
 * The cited thresholds of geodata/standards/jobs-housing.json, as types: the ratio's
 * definitions and balanced bands, the commute catchment radii and the references behind them.
 */
export interface JhReference {
  authors: string;
  year: number;
  title: string;
  journal?: string;
  volume?: string;
  pages?: string;
  publisher?: string;
  doi?: string;
}

export interface JhRatioDefinition {
  id: string;
  zh: string;
  en: string;
  balancedMin?: number;
  balancedMax?: number;
  effectBelow?: number;
  effectAbove?: number;
  reference: string;
  note: string;
}

export interface JhStandards {
  about: string;
  ratio: { chosen: string; definitions: JhRatioDefinition[] };
  catchment: {
    defaultRadiusKm: number;
    alternativesKm: number[];
    measuredFrom: 'edge';
    notes: { radiusKm: number; zh: string; en: string; reference: string | null; assumption: boolean }[];
    literatureRangeKm: { min: number; max: number; reference: string; note: string };
  };
  excessCommuting: Record<string, { reference: string; formula?: string; zh?: string; en?: string }>;
  references: Record<string, JhReference>;
}
