/** GB 50180-2018 life-circle table (geodata/standards/gb50180.json), typed. */
import table from '../../geodata/standards/gb50180.json';
import type { Gb50180Table } from '../domain/life-circle.ts';

export const gb50180 = table as unknown as Gb50180Table;
